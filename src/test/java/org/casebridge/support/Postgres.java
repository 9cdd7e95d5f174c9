package org.casebridge.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A real PostgreSQL server from the binaries Maven ships (io.zonky.test), with the application's database and role. */
public final class Postgres implements AutoCloseable {

    public static final String DATABASE = "casebridge";
    public static final String USER = "casebridge";

    private final Path dataDirectory;
    private final int port;
    private final String password;
    private EmbeddedPostgres server;

    private final java.util.Map<String, String> serverConfig = new java.util.LinkedHashMap<>();

    /** A server setting for the next start (e.g. the benchmark's {@code shared_preload_libraries}). */
    public Postgres withServerConfig(String key, String value) {
        serverConfig.put(key, value);
        return this;
    }

    public Postgres(Path dataDirectory, int port, String password) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.password = password;
    }

    /** Starts the server on its data directory, keeping what an earlier run stored there. */
    public Postgres start() {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("timezone", "UTC");
            serverConfig.forEach(builder::setServerConfig);
            server = builder.start();
            createDatabase();
            return this;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("PostgreSQL did not start in " + dataDirectory, e);
        }
    }

    private void createDatabase() throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet role = s.executeQuery("select 1 from pg_roles where rolname = '" + USER + "'")) {
                if (!role.next()) {
                    s.execute("create role " + USER + " login password '" + password.replace("'", "''") + "'");
                }
            }
            try (ResultSet db = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!db.next()) {
                    s.execute("create database " + DATABASE + " owner " + USER);
                }
            }
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    public String password() {
        return password;
    }

    /** A superuser connection, for tests that inspect what the application stored. */
    public Connection superuserConnection() throws SQLException {
        return server.getDatabase("postgres", DATABASE).getConnection();
    }

    /**
     * Stops (SIGSTOP) or resumes (SIGCONT) every process of this server, the postmaster first when stopping (so it
     * forks no backend meanwhile) and last when resuming: what a network partition or a stuck volume looks like to a
     * client whose connections stay open.
     */
    public void signal(String signal) {
        ProcessHandle postmaster = ProcessHandle.of(postmasterPid())
                .orElseThrow(() -> new IllegalStateException("no postmaster running for " + dataDirectory));
        List<ProcessHandle> processes = new ArrayList<>(postmaster.descendants().toList());
        if ("STOP".equals(signal)) {
            kill(signal, List.of(postmaster), true);
            kill(signal, processes, false);
            kill(signal, postmaster.descendants().filter(p -> !processes.contains(p)).toList(), false);
        } else {
            kill(signal, processes, false);
            kill(signal, List.of(postmaster), true);
        }
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A backend may exit between listing and signalling; only the postmaster must be reached. */
    private static void kill(String signal, List<ProcessHandle> processes, boolean mustReachAll) {
        if (processes.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        processes.forEach(p -> command.add(Long.toString(p.pid())));
        try {
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (exit != 0 && mustReachAll) {
                throw new IllegalStateException(command + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } finally {
                server = null;
            }
        }
    }
}
