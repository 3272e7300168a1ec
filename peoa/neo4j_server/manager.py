"""PEOA's own Neo4j: resolved by Maven, started embedded by a small Java launcher.

When ``NEO4J_URI`` is not configured, PEOA runs Neo4j 5.26 LTS Community itself:

1. Maven resolves ``org.neo4j:neo4j`` and ``org.neo4j:neo4j-bolt`` into a
   repository under the user cache directory and writes the classpath once.
2. ``launcher/PeoaNeo4j.java`` is compiled against it on first use.
3. The launcher runs as a background process (its own session, so it outlives
   the command that started it), with Bolt on 127.0.0.1, authentication on, and
   its store under the user data directory.

``start`` returns only once the official driver gets an answer to ``RETURN 1``.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel

from peoa.config import Neo4jSettings, Settings
from peoa.exceptions import Neo4jError

__all__ = ["ManagedNeo4j", "Neo4jStatus"]

_LAUNCHER_DIR = Path(__file__).resolve().parent / "launcher"
_LAUNCHER_CLASS = "PeoaNeo4j"
_ALTERNATIVE = (
    "or set NEO4J_URI to a Neo4j 5 server you run yourself "
    "(for example: docker run -p 7687:7687 -e NEO4J_AUTH=neo4j/<password> neo4j:5.26)"
)


class Neo4jStatus(BaseModel):
    """What ``peoa neo4j status`` reports."""

    managed: bool
    running: bool
    uri: str
    version: str | None = None
    pid: int | None = None
    home: str | None = None


class ManagedNeo4j:
    """The Neo4j process PEOA owns for one data directory."""

    def __init__(self, settings: Settings) -> None:
        self.config: Neo4jSettings = settings.neo4j
        self.host = "127.0.0.1"
        self.home = settings.data_dir / "neo4j"
        self.build_dir = settings.cache_dir / "neo4j" / self.config.version
        self.maven_repo = settings.cache_dir / "m2"

    # -- locations -----------------------------------------------------------------
    @property
    def uri(self) -> str:
        return f"bolt://{self.host}:{self.config.port}"

    @property
    def password_file(self) -> Path:
        return self.home / "password"

    @property
    def pid_file(self) -> Path:
        return self.home / "run" / "neo4j.pid"

    @property
    def log_file(self) -> Path:
        return self.home / "logs" / "launcher.log"

    # -- public operations ---------------------------------------------------------
    def password(self) -> str:
        """The generated password, created on first use with mode 0600."""
        if not self.password_file.exists():
            self.home.mkdir(parents=True, exist_ok=True)
            # O_EXCL: two processes racing here cannot both write a password.
            with contextlib.suppress(FileExistsError):
                fd = os.open(self.password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "w") as handle:
                    handle.write(secrets.token_urlsafe(24))
        return self.password_file.read_text().strip()

    def status(self) -> Neo4jStatus:
        pid = self._running_pid()
        return Neo4jStatus(
            managed=True,
            running=pid is not None and self._answers(),
            uri=self.uri,
            version=self.config.version,
            pid=pid,
            home=str(self.home),
        )

    def start(self) -> Neo4jStatus:
        """Start the server unless it already runs; return once it answers queries."""
        with self._lock():
            if self._running_pid() is not None:
                self._wait_until_ready(None)
                return self.status()
            self._check_port_free()
            classpath = self._classpath()
            classes = self._compile_launcher(classpath)
            password_file = self.password_file
            self.password()
            for folder in (self.pid_file.parent, self.log_file.parent):
                folder.mkdir(parents=True, exist_ok=True)
            command = [
                self._java(),
                f"-Xmx{self.config.heap}",
                "-XX:+UseSerialGC",  # fewest threads and least overhead on a small machine
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                os.pathsep.join([str(classes), classpath]),
                _LAUNCHER_CLASS,
                str(self.home),
                self.host,
                str(self.config.port),
                str(password_file),
                self.config.pagecache,
            ]
            if self.config.owner_pid is not None:
                command.append(str(self.config.owner_pid))
            with self.log_file.open("ab") as log:
                process = subprocess.Popen(
                    command,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    stdin=subprocess.DEVNULL,
                    start_new_session=True,
                    cwd=self.home,
                )
            self.pid_file.write_text(str(process.pid))
            self._wait_until_ready(process)
        return self.status()

    def stop(self, timeout_s: float = 60.0) -> bool:
        """Shut the server down cleanly; return False if it was not running."""
        with self._lock():
            pid = self._running_pid()
            if pid is None:
                self.pid_file.unlink(missing_ok=True)
                return False
            os.kill(pid, signal.SIGTERM)  # the launcher's shutdown hook closes the store
            deadline = time.monotonic() + timeout_s
            while time.monotonic() < deadline and _alive(pid):
                time.sleep(0.2)
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
                raise Neo4jError(
                    f"Neo4j (pid {pid}) did not stop within {timeout_s:.0f} s and was killed; "
                    f"see {self.log_file}"
                )
            self.pid_file.unlink(missing_ok=True)
            return True

    def logs(self, lines: int = 50) -> str:
        """The last ``lines`` lines of the launcher log and Neo4j's own debug log."""
        parts = []
        for path in (self.log_file, self.home / "logs" / "debug.log"):
            if path.exists():
                tail = path.read_text(errors="replace").splitlines()[-lines:]
                parts.append(f"==> {path} <==\n" + "\n".join(tail))
        return "\n\n".join(parts) if parts else f"no logs yet under {self.home / 'logs'}"

    # -- steps -----------------------------------------------------------------------
    @contextlib.contextmanager
    def _lock(self) -> Iterator[None]:
        self.home.mkdir(parents=True, exist_ok=True)
        with (self.home / ".lock").open("w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _java(self) -> str:
        java = shutil.which("java")
        if java is None:
            raise Neo4jError(
                "Java 17 or newer is needed to run PEOA's own Neo4j: install a JDK "
                f"(apt-get install openjdk-17-jdk-headless), {_ALTERNATIVE}"
            )
        return java

    def _running_pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        if not _alive(pid):
            return None
        # A stale pid file may name a process that reused the number.
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            return pid  # no /proc (not Linux): trust the pid file
        if _LAUNCHER_CLASS.encode() in cmdline and str(self.home).encode() in cmdline:
            return pid
        return None

    def _check_port_free(self) -> None:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            # Like the server, ignore TIME_WAIT leftovers of a previous run; a live
            # listener still makes the bind fail.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind((self.host, self.config.port))
            except OSError:
                raise Neo4jError(
                    f"port {self.config.port} on {self.host} is already in use by another "
                    "program: set PEOA_NEO4J__PORT to a free port, "
                    f"{_ALTERNATIVE.replace('a Neo4j 5 server', 'the server')}"
                ) from None

    def _classpath(self) -> str:
        cached = self.build_dir / "classpath.txt"
        if cached.exists():
            classpath = cached.read_text().strip()
            if all(Path(jar).exists() for jar in classpath.split(os.pathsep)):
                return classpath
        mvn = shutil.which("mvn")
        if mvn is None:
            raise Neo4jError(
                "Maven is needed once to fetch Neo4j for PEOA's own server: install it "
                f"(apt-get install maven), {_ALTERNATIVE}"
            )
        self.build_dir.mkdir(parents=True, exist_ok=True)
        pom = self.build_dir / "pom.xml"
        shutil.copyfile(_LAUNCHER_DIR / "pom.xml", pom)
        result = subprocess.run(
            [
                mvn,
                "-B",
                "-q",
                "-f",
                str(pom),
                f"-Dmaven.repo.local={self.maven_repo}",
                f"-Dneo4j.version={self.config.version}",
                "dependency:build-classpath",
                f"-Dmdep.outputFile={cached}",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or not cached.exists():
            detail = (result.stdout + result.stderr).strip().splitlines()
            last = detail[-1] if detail else "no output"
            raise Neo4jError(
                f"Maven could not resolve Neo4j {self.config.version} ({last}); check that "
                f"Maven Central is reachable, {_ALTERNATIVE}"
            )
        return cached.read_text().strip()

    def _compile_launcher(self, classpath: str) -> Path:
        source = _LAUNCHER_DIR / f"{_LAUNCHER_CLASS}.java"
        classes = self.build_dir / "classes"
        compiled = classes / f"{_LAUNCHER_CLASS}.class"
        if compiled.exists() and compiled.stat().st_mtime >= source.stat().st_mtime:
            return classes
        javac = shutil.which("javac")
        if javac is None:
            raise Neo4jError(
                "a Java compiler (javac, JDK 17+) is needed once to build PEOA's Neo4j "
                f"launcher: install a JDK (apt-get install openjdk-17-jdk-headless), {_ALTERNATIVE}"
            )
        classes.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            [javac, "-cp", classpath, "-d", str(classes), str(source)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise Neo4jError(f"compiling the Neo4j launcher failed: {result.stderr.strip()[:300]}")
        return classes

    def _answers(self) -> bool:
        from neo4j import GraphDatabase
        from neo4j.exceptions import Neo4jError as DriverError
        from neo4j.exceptions import ServiceUnavailable

        try:
            with (
                GraphDatabase.driver(
                    self.uri, auth=("neo4j", self.password()), connection_timeout=2.0
                ) as driver,
                driver.session() as session,
            ):
                session.run("RETURN 1").consume()  # a bare run: no retries, no retry logging
            return True
        except (ServiceUnavailable, DriverError, OSError):
            return False

    def _wait_until_ready(self, process: subprocess.Popen[bytes] | None) -> None:
        deadline = time.monotonic() + self.config.start_timeout_s
        while time.monotonic() < deadline:
            if process is not None and process.poll() is not None:
                self.pid_file.unlink(missing_ok=True)
                raise Neo4jError(
                    f"Neo4j exited during start-up (code {process.returncode}): "
                    f"{self._last_log_line()}; full log: {self.log_file}; {_ALTERNATIVE}"
                )
            if self._answers():
                return
            time.sleep(0.5)
        if process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            self.pid_file.unlink(missing_ok=True)
        raise Neo4jError(
            f"Neo4j did not answer within {self.config.start_timeout_s:.0f} s "
            f"(PEOA_NEO4J__START_TIMEOUT_S raises the limit); see {self.log_file}; {_ALTERNATIVE}"
        )

    def _last_log_line(self) -> str:
        try:
            lines = [
                line for line in self.log_file.read_text(errors="replace").splitlines() if line
            ]
        except FileNotFoundError:
            return "no log written"
        errors = [line for line in lines if "Exception" in line or "ERROR" in line]
        return (errors or lines or ["empty log"])[-1].strip()[:300]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child of this process still "exists"; reap it if it is ours.
    with contextlib.suppress(ChildProcessError):
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done == pid:
            return False
    return True
