package io.linehub.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linehub.print.HostStatus;
import io.linehub.print.HostStatusParser;
import io.linehub.print.HostStatusParserTest.Vector;
import io.linehub.print.HostStatusResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrinterSimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Duration QUIET = Duration.ofMillis(300);
    private static final Duration NO_ANSWER = Duration.ofMillis(500);
    private static final String HS = "~HS";

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    // ---- labels ------------------------------------------------------------------------------------------------

    @Test
    void printsEachFormatByteExactAndInOrder() throws IOException {
        PrinterSimulator printer = start(PrinterSimulator.Settings.defaults());
        String first = "^XA\n^CI28\n^FO40,40^A0N,40,40^FH_^FDM_C3_BCller Stra_C3_9Fe^FS\n^PQ1,0,1,Y\n^XZ";
        String second = "^xa^FO40,100^FH_^FDX_5EFS_5EXZ_7EJA^FS^xz";
        String third = label(3);

        try (Client client = connect(printer)) {
            client.send("\r\n" + first + "\r\n" + second + third + "\n");
        }

        assertTrue(printer.awaitLabels(3, WAIT), "three labels printed, got " + printer.labelCount());
        assertLabels(List.of(first, second, third), printer.labels());
        assertEquals(List.of(1L, 2L, 3L), printer.labels().stream().map(PrinterLabel::sequence).toList(),
                "sequence numbers");
        assertEquals(3, printer.labelCount(), "label count");
        assertEquals(1, printer.connectionsAccepted(), "connections");
    }

    @Test
    void keepsOrderAcrossSeveralConnectionsClosedRightAfterWriting() throws IOException {
        PrinterSimulator printer = start(PrinterSimulator.Settings.defaults());
        List<String> sent = new ArrayList<>();

        for (int connection = 0; connection < 4; connection++) {
            StringBuilder job = new StringBuilder();
            for (int k = 0; k < 5; k++) {
                String label = label(connection * 5 + k);
                sent.add(label);
                job.append(label).append("\r\n");
            }
            try (Client client = connect(printer)) {
                client.send(job.toString());
            }
        }

        await().atMost(WAIT).until(printer::labelCount, n -> n == 20);
        assertLabels(sent, printer.labels());
        assertEquals(4, printer.connectionsAccepted(), "connections");
    }

    @Test
    void assemblesFormatsSplitAcrossWritesAndCutsOutQueriesInside() throws IOException {
        PrinterSimulator printer = start(PrinterSimulator.Settings.defaults());

        try (Client client = connect(printer)) {
            for (char c : "^XA^FO40,40^".toCharArray()) {
                client.send(String.valueOf(c));
            }
            client.send("FDinside" + HS);
            HostStatus midFormat = parse(client.readHostStatus());
            client.send("^FS^X");
            client.send("Z");

            assertTrue(midFormat.partialFormat(), "~HS inside a format shows the partial-format flag");
            assertTrue(printer.awaitLabels(1, WAIT), "the label printed");
            assertFalse(parse(client.send(HS).readHostStatus()).partialFormat(), "no partial format after ^XZ");
        }
        assertLabels(List.of("^XA^FO40,40^FDinside^FS^XZ"), printer.labels());
    }

    @Test
    void recordsAFormatOnceWithItsPqCopies() throws IOException {
        PrinterSimulator printer = start(PrinterSimulator.Settings.defaults());
        String batch = "^XA^FO40,40^FDbatch^FS^PQ3,0,1,Y^XZ";

        try (Client client = connect(printer)) {
            client.send(batch + label(2));
        }

        assertTrue(printer.awaitLabels(2, WAIT), "both formats printed");
        List<PrinterLabel> labels = printer.labels();
        assertEquals(3, labels.get(0).copies(), "^PQ3 copies");
        assertEquals(1, labels.get(1).copies(), "no ^PQ: one copy");
        assertEquals(2, printer.labelCount(), "formats counted once each");
        assertEquals(4, printer.copiesPrinted(), "copies printed");
    }

    @Test
    void writesEachLabelToANumberedFile(@TempDir Path folder) throws IOException {
        PrinterSimulator printer = start(PrinterSimulator.Settings.defaults().withLabelFolder(folder.resolve("out")));

        try (Client client = connect(printer)) {
            client.send(label(1) + label(2));
        }

        assertTrue(printer.awaitLabels(2, WAIT), "two labels printed");
        assertArrayEquals(bytes(label(1)), Files.readAllBytes(folder.resolve("out/label-000001.zpl")), "first file");
        assertArrayEquals(bytes(label(2)), Files.readAllBytes(folder.resolve("out/label-000002.zpl")), "second file");
    }

    @Test
    void keepsOnlyTheNewestLabelsButCountsAll() throws IOException {
        PrinterSimulator printer = start(PrinterSimulator.Settings.defaults().withLabelCap(3, 1 << 20));

        try (Client client = connect(printer)) {
            client.send(label(1) + label(2) + label(3) + label(4) + label(5));
        }

        assertTrue(printer.awaitLabels(5, WAIT), "five labels printed");
        assertEquals(5, printer.labelCount(), "exact count");
        assertLabels(List.of(label(3), label(4), label(5)), printer.labels());
        assertFalse(printer.awaitLabels(6, Duration.ofMillis(50)), "awaitLabels times out when nothing more comes");
    }

    // ---- ~HS and ~HQES -----------------------------------------------------------------------------------------

    static Stream<Arguments> conditions() {
        return Stream.of(
                Arguments.of(Vector.READY, (UnaryOperator<PrinterCondition>) c -> c),
                Arguments.of(Vector.PAPER_OUT, (UnaryOperator<PrinterCondition>) c -> c.withPaperOut(true)),
                Arguments.of(Vector.PAUSED, (UnaryOperator<PrinterCondition>) c -> c.withPaused(true)),
                Arguments.of(Vector.HEAD_OPEN, (UnaryOperator<PrinterCondition>) c -> c.withHeadOpen(true)),
                Arguments.of(Vector.RIBBON_OUT, (UnaryOperator<PrinterCondition>) c -> c.withRibbonOut(true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditions")
    void answersHsWithTheDocumentedBytes(Vector vector, UnaryOperator<PrinterCondition> condition)
            throws IOException {
        PrinterSimulator printer = start(PrinterSimulator.Settings.defaults());
        printer.updateCondition(condition);

        try (Client client = connect(printer)) {
            byte[] first = client.send(HS).readHostStatus();
            byte[] second = client.send(HS + "\r\n").readHostStatus();

            assertArrayEquals(vector.bytes(), first, vector + ": ~HS reply byte for byte");
            assertArrayEquals(vector.bytes(), second, vector + ": a second reply follows with nothing in between");
        }
        assertEquals(2, printer.hsRequests(), "~HS requests counted");
    }

    @Test
    void reproducesTheCombinedFixtureWhenStoppedMidBatch() throws IOException {
        PrinterSimulator printer = start(PrinterSimulator.Settings.defaults().withPrintDelay(Duration.ofSeconds(1)));

        try (Client client = connect(printer)) {
            client.send("^XA^FO40,40^FDbatch^FS^PQ101^XZ");
            await().atMost(WAIT).pollInterval(Duration.ofMillis(10))
                    .until(() -> printer.hostStatus().labelsRemaining() == 100);
            // within the second copy's print time: that copy is interrupted and stays remaining
            printer.updateCondition(c -> c.withPaperOut(true).withPaused(true).withRibbonOut(true));

            assertArrayEquals(Vector.THIRD_PARTY_FIXTURE.bytes(), client.send(HS).readHostStatus(),
                    "paper out + paused + ribbon out with 100 labels remaining, byte for byte");
        }
        printer.slow(Duration.ZERO);
        printer.makeReady();
        assertTrue(printer.awaitLabels(1, WAIT), "the batch completes once ready");
        assertEquals(101, printer.copiesPrinted(), "every copy printed once, the interrupted one included");
    }

    @Test
    void answersExtendedStatusWithTheErrorFlags() throws IOException {
        PrinterSimulator printer = start(PrinterSimulator.Settings.defaults());

        try (Client client = connect(printer)) {
            String ready = client.send("~HQES").readText();
            printer.updateCondition(c -> c.withPaperOut(true).withHeadOpen(true));
            String faulted = client.send("~hqes").readText();

            assertEquals("\u0002\r\nPRINTER STATUS\r\n   ERRORS:         0 00000000 00000000\r\n"
                    + "   WARNINGS:       0 00000000 00000000\r\n\u0003\r\n", ready, "~HQES when ready");
            assertTrue(faulted.contains("ERRORS:         1 00000000 00000005\r\n"),
                    "media out + head open = 00000005: " + faulted);
        }
        assertEquals(2, printer.hqesRequests(), "~HQES requests counted");
    }

    @Test
    void realFirmwareLeavesHsUnansweredInPaperOutHeadOpenAndRibbonOut() throws IOException {
        PrinterSimulator printer = start(PrinterSimulator.Settings.defaults().withRealFirmware(true));
        List<UnaryOperator<PrinterCondition>> faults = List.of(c -> c.withPaperOut(true),
                c -> c.withHeadOpen(true), c -> c.withRibbonOut(true));

        for (UnaryOperator<PrinterCondition> fault : faults) {
            printer.makeReady();
            printer.updateCondition(fault);
            try (Client client = connect(printer)) {
                long before = printer.hsRequests();
                client.send(HS);
                await().atMost(WAIT).until(printer::hsRequests, n -> n == before + 1);
                assertThrows(SocketTimeoutException.class, () -> client.readHostStatus(NO_ANSWER),
                        "no ~HS reply in " + printer.condition());
                assertTrue(client.send("~HQES").readText().contains("ERRORS:         1"),
                        "~HQES still answers with the error in " + printer.condition());
            }
        }
        printer.condition(PrinterCondition.READY.withPaused(true));
        try (Client client = connect(printer)) {
            assertArrayEquals(Vector.PAUSED.bytes(), client.send(HS).readHostStatus(), "paused still answers ~HS");
        }
    }

    @Test
    void silentPrinterTakesBytesButNeverAnswersNorPrints() throws IOException {
        PrinterSimulator printer = start(PrinterSimulator.Settings.defaults());
        printer.silent(true);

        try (Client client = connect(printer)) {
            client.send(label(1) + HS + "~HQES");
            await().atMost(WAIT).until(printer::hqesRequests, n -> n == 1);
            assertThrows(SocketTimeoutException.class, () -> client.readHostStatus(NO_ANSWER),
                    "a silent printer answers nothing");
            assertEquals(1, printer.hsRequests(), "the ~HS was received");
            assertEquals(0, printer.labelCount(), "nothing printed while silent");
            assertEquals(1, printer.formatsInBuffer(), "the format waits in the buffer");

            printer.silent(false);
            assertTrue(printer.awaitLabels(1, WAIT), "the held format prints once the printer speaks again");
            assertArrayEquals(Vector.READY.bytes(), client.send(HS).readHostStatus(), "~HS answered again");
        }
        assertLabels(List.of(label(1)), printer.labels());
    }

    // ---- conditions --------------------------------------------------------------------------------------------

    @Test
    void holdsFormatsWhilePaperOutAndPrintsEachOnceInOrderWhenFixed() throws IOException {
        PrinterSimulator printer = start(PrinterSimulator.Settings.defaults());
        printer.paperOut(true);
        printer.paused(true);
        List<String> sent = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            sent.add(label(k));
        }

        try (Client client = connect(printer)) {
            client.send(sent.get(0) + sent.get(1) + sent.get(2));
        }
        try (Client client = connect(printer)) {
            client.send(sent.get(3) + sent.get(4));
            await().atMost(WAIT).until(printer::formatsInBuffer, n -> n == 5);
            HostStatus held = parse(client.send(HS).readHostStatus());

            assertTrue(held.paperOut() && held.paused(), "paper out and paused reported together: " + held);
            assertEquals(5, held.formatsInBuffer(), "~HS counts the held formats");
        }
        quietly().until(printer::labelCount, n -> n == 0);

        printer.paused(false);
        quietly().until(printer::labelCount, n -> n == 0);
        printer.paperOut(false);

        assertTrue(printer.awaitLabels(5, WAIT), "held formats print once ready, got " + printer.labelCount());
        quietly().until(printer::labelCount, n -> n == 5);
        assertLabels(sent, printer.labels());
        assertEquals(0, printer.formatsInBuffer(), "buffer empty");
    }

    @Test
    void fullBufferDiscardsNewFormatsAndSaysSo() throws IOException {
        PrinterSimulator printer = start(PrinterSimulator.Settings.defaults().withBuffer(2, 1 << 20));
        printer.headOpen(true);

        try (Client client = connect(printer)) {
            client.send(label(1) + label(2) + label(3));
            await().atMost(WAIT).until(printer::formatsDiscarded, n -> n == 1);
            HostStatus full = parse(client.send(HS).readHostStatus());

            assertTrue(full.bufferFull(), "buffer full flag: " + full);
            assertEquals(2, full.formatsInBuffer(), "formats held");
            assertEquals("head open, buffer full", full.reason(), "reason");
        }
        printer.makeReady();
        assertTrue(printer.awaitLabels(2, WAIT), "the held formats print");
        assertLabels(List.of(label(1), label(2)), printer.labels());
    }

    @Test
    void slowPrinterTakesTheDelayForEachLabel() throws IOException {
        Duration delay = Duration.ofMillis(200);
        PrinterSimulator printer = start(PrinterSimulator.Settings.defaults());
        printer.slow(delay);

        long sentAt = System.nanoTime();
        try (Client client = connect(printer)) {
            client.send(label(1) + label(2) + label(3));
        }

        assertTrue(printer.awaitLabels(3, WAIT), "three labels printed");
        Duration took = Duration.ofNanos(System.nanoTime() - sentAt);
        assertTrue(took.compareTo(delay.multipliedBy(3)) >= 0, "three labels took " + took);
        List<PrinterLabel> labels = printer.labels();
        for (int k = 1; k < labels.size(); k++) {
            Duration gap = Duration.between(labels.get(k - 1).printedAt(), labels.get(k).printedAt());
            assertTrue(gap.compareTo(delay.minusMillis(20)) >= 0, "label " + (k + 1) + " came " + gap + " later");
        }
    }

    // ---- connections -------------------------------------------------------------------------------------------

    @Test
    void servesOneClientAtATimeWithoutInterleaving() throws IOException {
        PrinterSimulator printer = start(PrinterSimulator.Settings.defaults());
        String firstLabel = "^XA^FO40,40^FDfirst client^FS^XZ";
        String secondLabel = "^XA^FO40,40^FDsecond client^FS^XZ";

        try (Client first = connect(printer)) {
            first.send(firstLabel.substring(0, 20));
            await().atMost(WAIT).until(printer::connectionsAccepted, n -> n == 1);
            try (Client second = connect(printer)) {
                second.send(secondLabel);
            }
            first.send(firstLabel.substring(20));

            assertTrue(printer.awaitLabels(1, WAIT), "the first client's label printed");
            quietly().until(printer::labelCount, n -> n == 1);
            assertEquals(1, printer.connectionsAccepted(), "the second client waits in the backlog");
        }

        assertTrue(printer.awaitLabels(2, WAIT), "the second client is served once the first has closed");
        assertLabels(List.of(firstLabel, secondLabel), printer.labels());
        assertEquals(2, printer.connectionsAccepted(), "connections");
    }

    @Test
    void refusesConnectionsUntilReopenedOnTheSamePort() throws IOException {
        PrinterSimulator printer = start(PrinterSimulator.Settings.defaults());
        int port = printer.port();

        printer.refuseConnections();

        assertFalse(printer.listening(), "not listening");
        assertThrows(ConnectException.class, () -> new Client(port).close(), "connect refused");

        printer.acceptConnections();

        assertEquals(port, printer.port(), "same port after reopening");
        try (Client client = connect(printer)) {
            client.send(label(1));
        }
        assertTrue(printer.awaitLabels(1, WAIT), "a label printed after reopening");
    }

    @Test
    void dropConnectionClosesTheClientButKeepsItsCompleteFormats() throws IOException {
        PrinterSimulator printer = start(PrinterSimulator.Settings.defaults());

        try (Client client = connect(printer)) {
            client.send(label(1) + "^XA^FDcut off");
            assertTrue(printer.awaitLabels(1, WAIT), "the complete format printed");

            assertTrue(printer.dropConnection(), "a client was connected");

            assertTrue(client.sawClose(), "the client sees the connection closed");
        }
        await().atMost(WAIT).until(printer::partialFormatsDiscarded, n -> n == 1);
        assertEquals(1, printer.labelCount(), "the cut-off format is not a label");
        assertFalse(printer.dropConnection(), "nobody left to drop");
    }

    @Test
    void partialFormatAtDisconnectIsFlaggedAndNeverPrinted() throws IOException {
        PrinterSimulator printer = start(PrinterSimulator.Settings.defaults());

        try (Client client = connect(printer)) {
            HostStatus pending = parse(client.send("^XA^FO50,50^FDhalf a label^FS" + HS).readHostStatus());
            assertTrue(pending.partialFormat(), "partial format flag while the format is open: " + pending);
        }
        await().atMost(WAIT).until(printer::partialFormatsDiscarded, n -> n == 1);
        try (Client client = connect(printer)) {
            assertFalse(parse(client.send(HS).readHostStatus()).partialFormat(), "no partial format after it went");
            client.send(label(1));
        }

        assertTrue(printer.awaitLabels(1, WAIT), "the next full label printed");
        quietly().until(printer::labelCount, n -> n == 1);
        assertLabels(List.of(label(1)), printer.labels());
    }

    @Test
    void idleClientIsDisconnectedAfterTheTimeout() throws IOException {
        PrinterSimulator printer = start(PrinterSimulator.Settings.defaults().withIdleTimeout(Duration.ofMillis(300)));

        try (Client client = connect(printer)) {
            assertTrue(client.sawClose(), "the idle connection is closed by the printer");
        }
    }

    @Test
    void restartsOnTheSamePortKeepingItsLabels() throws IOException {
        PrinterSimulator printer = start(PrinterSimulator.Settings.defaults());
        int port = printer.port();
        try (Client client = connect(printer)) {
            client.send(label(1));
        }
        assertTrue(printer.awaitLabels(1, WAIT), "first label");

        printer.stop();
        printer.start();

        assertEquals(port, printer.port(), "same port");
        try (Client client = connect(printer)) {
            client.send(label(2));
        }
        assertTrue(printer.awaitLabels(2, WAIT), "second label after the restart");
        assertLabels(List.of(label(1), label(2)), printer.labels());
    }

    // ---- bounded memory ----------------------------------------------------------------------------------------

    @Test
    void garbageStreamsStayWithinTheFormatCap() throws IOException {
        int cap = 64 * 1024;
        PrinterSimulator printer = start(PrinterSimulator.Settings.defaults().withMaxFormatBytes(cap));
        byte[] garbage = garbage(5 << 20);
        String good = label(1);

        try (Client client = connect(printer)) {
            client.send(garbage);
            client.send("^XA");
            client.send(garbage);
            client.send("^XZ" + good);
        }

        assertTrue(printer.awaitLabels(1, WAIT), "the good label after the garbage printed");
        await().atMost(WAIT).until(printer::bytesReceived, n -> n == 2L * garbage.length + 6 + good.length());
        await().atMost(WAIT).until(printer::peakFormatBytes, n -> n > 0);
        assertTrue(printer.peakFormatBytes() <= cap, "never more than the cap held: " + printer.peakFormatBytes());
        assertEquals(1, printer.formatsDiscarded(), "the oversized format was discarded");
        assertEquals(0, printer.partialFormatsDiscarded(), "nothing else discarded");
        assertLabels(List.of(good), printer.labels());
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private PrinterSimulator start(PrinterSimulator.Settings settings) {
        PrinterSimulator printer = new PrinterSimulator(settings);
        toClose.add(printer);
        return printer.start();
    }

    private Client connect(PrinterSimulator printer) throws IOException {
        return new Client(printer.port());
    }

    /** Holds for a while: proves something does not happen (more labels, a premature print). */
    private static ConditionFactory quietly() {
        return await().during(QUIET).atMost(QUIET.plus(WAIT));
    }

    private static String label(int n) {
        return "^XA^CI28^FO40,40^A0N,40,40^FH_^FDSerial " + n + " Lot ABC_5F123^FS^PQ1,0,1,Y^XZ";
    }

    private static HostStatus parse(byte[] reply) {
        HostStatusResult result = HostStatusParser.parse(reply);
        assertTrue(result.isOk(), "~HS reply parses: " + result);
        return result.status().orElseThrow();
    }

    private static void assertLabels(List<String> expected, List<PrinterLabel> actual) {
        assertEquals(expected.size(), actual.size(), "number of labels kept");
        for (int k = 0; k < expected.size(); k++) {
            assertArrayEquals(bytes(expected.get(k)), actual.get(k).zpl(),
                    "label " + k + " byte for byte, was: " + actual.get(k).text());
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Random bytes without ^ and ~, so they cannot start or end a format or a query. */
    private static byte[] garbage(int size) {
        byte[] bytes = new byte[size];
        new Random(5).nextBytes(bytes);
        for (int i = 0; i < size; i++) {
            if (bytes[i] == '^' || bytes[i] == '~') {
                bytes[i] = 'x';
            }
        }
        return bytes;
    }

    /** A raw-port client, as the hub's print route would be. */
    private static final class Client implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Client(int port) throws IOException {
            socket = new Socket();
            socket.connect(new InetSocketAddress(PrinterSimulator.Settings.DEFAULT_HOST, port), 2_000);
            socket.setSoTimeout((int) WAIT.toMillis());
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        Client send(String text) throws IOException {
            return send(bytes(text));
        }

        Client send(byte[] data) throws IOException {
            out.write(data);
            out.flush();
            return this;
        }

        byte[] readHostStatus() throws IOException {
            return readHostStatus(WAIT);
        }

        /** Reads up to the CR LF after the third ETX, byte by byte so nothing of a later reply is taken. */
        byte[] readHostStatus(Duration timeout) throws IOException {
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            socket.setSoTimeout((int) timeout.toMillis());
            try {
                while (!(HostStatusParser.complete(reply.toByteArray()) && endsWithCrLf(reply.toByteArray()))) {
                    int b = in.read();
                    if (b < 0) {
                        throw new IOException("closed after " + Arrays.toString(reply.toByteArray()));
                    }
                    reply.write(b);
                }
            } finally {
                socket.setSoTimeout((int) WAIT.toMillis());
            }
            return reply.toByteArray();
        }

        /** Reads one {@code ~HQES} reply, up to ETX CR LF. */
        String readText() throws IOException {
            StringBuilder text = new StringBuilder();
            while (!text.toString().endsWith("\u0003\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("closed after " + text);
                }
                text.append((char) b);
            }
            return text.toString();
        }

        /** Whether the printer closed the connection (end of stream or reset) before the read timeout. */
        boolean sawClose() throws IOException {
            try {
                return in.read() == -1;
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                return true;
            }
        }

        private static boolean endsWithCrLf(byte[] bytes) {
            return bytes.length >= 2 && bytes[bytes.length - 2] == '\r' && bytes[bytes.length - 1] == '\n';
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
