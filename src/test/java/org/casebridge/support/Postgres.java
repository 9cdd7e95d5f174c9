package org.casebridge.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

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
