package io.linehub.masterdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Runs the import contract against an embedded H2 database, plus failure handling that needs a faulty DataSource. */
class SerialImporterTest extends SerialImportContractTest {

    @Override
    protected DataSource openDatabase() {
        return h2();
    }

    @Override
    protected void closeDatabase() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("SHUTDOWN");
        }
    }

    static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:md_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    @Test
    void should_throw_on_a_database_failure_and_import_the_rest_on_retry() {
        StringBuilder file = new StringBuilder("gtin,serial\n");
        for (int i = 0; i < 2_500; i++) {
            file.append(GTIN).append(",F").append(i).append('\n');
        }
        SerialImporter failingOnSecondChunk = new SerialImporter(failingAfter(1, dataSource));

        assertThrows(MasterDataException.class, () -> failingOnSecondChunk.importCsv(new StringReader(file.toString())),
                "a database failure is thrown, not reported as a bad row");
        assertEquals(SerialImporter.CHUNK_SIZE, count("SELECT COUNT(*) FROM serial"), "the first chunk stayed committed");

        ImportReport retry = csv(file.toString());
        assertEquals(new ImportReport(1_500, 0, 1_000, List.of()), retry, "retrying the whole file is safe");
        assertEquals(2_500, count("SELECT COUNT(*) FROM serial_history"), "no duplicate history after the retry");
    }

    @Test
    void should_serialize_the_report_for_the_api() {
        ImportReport report = csv("gtin,serial\n" + GTIN + ",OK\n" + GTIN + ",bad serial\n");

        JsonNode json = new ObjectMapper().valueToTree(report);

        assertEquals(1, json.get("inserted").asInt(), "inserted");
        assertEquals(1, json.get("rejected").asInt(), "rejected is part of the answer");
        assertEquals(3, json.get("errors").get(0).get("line").asInt(), "error line");
        assertTrue(json.get("errors").get(0).get("reason").asText().contains("serial"), "error reason");
        assertFalse(json.has("errorsTruncated"), "no truncation count unless truncated");
    }

    /** A DataSource whose connections fail every statement once {@code healthy} connections were handed out. */
    private static DataSource failingAfter(int healthy, DataSource real) {
        AtomicInteger handedOut = new AtomicInteger();
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, real, args);
                    if (method.getName().equals("getConnection") && handedOut.incrementAndGet() > healthy) {
                        return brokenStatements((Connection) result);
                    }
                    return result;
                });
    }

    private static Connection brokenStatements(Connection real) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare")) {
                        throw new SQLException("simulated database outage");
                    }
                    return invoke(method, real, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
