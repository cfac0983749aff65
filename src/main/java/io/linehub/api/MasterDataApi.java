package io.linehub.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.linehub.masterdata.ImportReport;
import io.linehub.masterdata.SerialImporter;
import io.linehub.masterdata.SerialQuery;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP and file-drop faces of master data: import serials (CSV or JSON) and look one up. */
public final class MasterDataApi {

    private static final Logger LOG = LoggerFactory.getLogger(MasterDataApi.class);

    private final SerialImporter importer;
    private final SerialQuery query;
    private final ObjectMapper json;

    public MasterDataApi(SerialImporter importer, SerialQuery query, ObjectMapper json) {
        this.importer = importer;
        this.query = query;
        this.json = json;
    }

    /** POST /api/master-data/serials: CSV, or a JSON array (by Content-Type, else by the first byte). */
    public void importSerials(Exchange exchange) throws Exception {
        Message msg = exchange.getMessage();
        String contentType = msg.getHeader(Exchange.CONTENT_TYPE, "", String.class).toLowerCase();
        byte[] body = msg.getBody(byte[].class);
        ImportReport report = importBytes(body == null ? new byte[0] : body, contentType.contains("json"));
        LOG.info("master data import over HTTP: {} inserted, {} updated, {} unchanged, {} rejected",
                report.inserted(), report.updated(), report.unchanged(), report.rejected());
        boolean nothingUsable = report.inserted() + report.updated() + report.unchanged() == 0 && report.rejected() > 0;
        respond(msg, nothingUsable ? 400 : 200, report);
    }

    /** A file dropped in data/inbox/serials/: the report goes to the log with every rejected line. */
    public String importFile(Exchange exchange) throws Exception {
        Message msg = exchange.getMessage();
        String name = msg.getHeader(Exchange.FILE_NAME, "", String.class);
        ImportReport report = importBytes(msg.getBody(byte[].class), name.toLowerCase().endsWith(".json"));
        LOG.info("master data import of {}: {} inserted, {} updated, {} unchanged, {} rejected", name,
                report.inserted(), report.updated(), report.unchanged(), report.rejected());
        report.errors().forEach(e -> LOG.warn("master data import of {}: line {}: {}", name, e.line(), e.reason()));
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(report);
    }

    /** GET /api/serials/{gtin}/{serial}: the record with its status history, or 404. */
    public void findSerial(Exchange exchange) throws Exception {
        Message msg = exchange.getMessage();
        String gtin = msg.getHeader("gtin", String.class);
        String serial = msg.getHeader("serial", String.class);
        var found = query.find(gtin, serial);
        if (found.isPresent()) {
            respond(msg, 200, found.get());
        } else {
            respond(msg, 404, Map.of("error", "not found", "gtin", String.valueOf(gtin), "serial", String.valueOf(serial)));
        }
    }

    private ImportReport importBytes(byte[] body, boolean declaredJson) throws Exception {
        InputStream in = new PushbackInputStream(new ByteArrayInputStream(body == null ? new byte[0] : body), 1);
        if (declaredJson || startsWithBracket(body)) {
            return importer.importJson(in);
        }
        return importer.importCsv(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static boolean startsWithBracket(byte[] body) {
        if (body == null) {
            return false;
        }
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '[';
            }
        }
        return false;
    }

    private void respond(Message msg, int status, Object answer) throws Exception {
        JsonAnswer.set(msg, status, json.writeValueAsString(answer));
    }
}
