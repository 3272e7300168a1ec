// Starts Neo4j Community embedded, with its Bolt connector on a loopback address.
//
// PEOA compiles this file on first use against the jars Maven resolved, and runs it
// as a background process. The password comes from a 0600 file, never from argv,
// so it does not show in a process listing.
//
// usage: java PeoaNeo4j <home> <host> <port> <password-file> <pagecache>

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

public final class PeoaNeo4j {
    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: PeoaNeo4j <home> <host> <port> <password-file> <pagecache>");
            System.exit(2);
        }
        Path home = Path.of(args[0]);
        String host = args[1];
        int port = Integer.parseInt(args[2]);
        String password = Files.readString(Path.of(args[3]), StandardCharsets.UTF_8).strip();
        long pagecache = ByteUnit.parse(args[4]);

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
}
