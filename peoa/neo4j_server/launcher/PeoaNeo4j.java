// Starts Neo4j Community embedded, with its Bolt connector on a loopback address.
//
// PEOA compiles this file on first use against the jars Maven resolved, and runs it
// as a background process. The password comes from a 0600 file, never from argv,
// so it does not show in a process listing.
//
// With an owner pid (opt-in; the test suite uses it) the server shuts itself down
// cleanly once that process is gone, so a killed test run leaves no orphan server.
//
// usage: java PeoaNeo4j <home> <host> <port> <password-file> <pagecache> [<owner-pid>]

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

public final class PeoaNeo4j {
    public static void main(String[] args) throws Exception {
        if (args.length != 5 && args.length != 6) {
            System.err.println(
                    "usage: PeoaNeo4j <home> <host> <port> <password-file> <pagecache> [<owner-pid>]");
            System.exit(2);
        }
        Path home = Path.of(args[0]);
        String host = args[1];
        int port = Integer.parseInt(args[2]);
        String password = Files.readString(Path.of(args[3]), StandardCharsets.UTF_8).strip();
        long pagecache = ByteUnit.parse(args[4]);
        if (args.length == 6) {
            watchOwner(Long.parseLong(args[5]));
        }

        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pagecache)
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(service::shutdown, "peoa-neo4j-shutdown"));

        // Embedded access bypasses authentication, which is how the password is set
        // (and kept in step with the file) without the default-password dance.
        service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                Map.of("password", password));

        System.out.println("PEOA_NEO4J_READY " + host + ":" + port);
        System.out.flush();
        Thread.currentThread().join();
    }

    // Exits (running the shutdown hook, so the store is closed cleanly) once the owner
    // process has ended. The owner is not our parent (we run in our own session), so
    // this polls; the start instant guards against the pid being reused.
    private static void watchOwner(long ownerPid) {
        Optional<ProcessHandle> owner = ProcessHandle.of(ownerPid);
        if (owner.isEmpty() || !owner.get().isAlive()) {
            System.err.println("PEOA_NEO4J owner process " + ownerPid + " is not running");
            System.exit(3);
        }
        Optional<Instant> started = owner.get().info().startInstant();
        Thread watcher = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stop) {
                    return;
                }
                Optional<ProcessHandle> now = ProcessHandle.of(ownerPid);
                boolean same = now.isPresent() && now.get().isAlive()
                        && now.get().info().startInstant().equals(started);
                if (!same) {
                    System.out.println("PEOA_NEO4J owner process " + ownerPid + " ended; stopping");
                    System.out.flush();
                    System.exit(0);
                }
            }
        }, "peoa-neo4j-owner-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
