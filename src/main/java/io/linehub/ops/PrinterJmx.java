package io.linehub.ops;

/** One printer as JConsole shows it, with the operator's pause, resume and retry. */
final class PrinterJmx implements PrinterMBean {

    private final String id;
    private final OpsView view;

    PrinterJmx(String id, OpsView view) {
        this.id = id;
        this.view = view;
    }

    private PrinterFigures figures() {
        return view.printer(id).orElseThrow(() -> new IllegalStateException("printer " + id + " is gone"));
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getLine() {
        return figures().line();
    }

    @Override
    public String getStatus() {
        return figures().status();
    }

    @Override
    public String getDetail() {
        return figures().detail();
    }

    @Override
    public boolean isPaused() {
        return figures().paused();
    }

    @Override
    public long getQueueDepth() {
        return view.printerDepth(id);
    }

    @Override
    public long getPrinted() {
        return figures().printed();
    }

    @Override
    public long getFailed() {
        return figures().failed();
    }

    @Override
    public String pause() {
        view.pausePrinter(id);
        return "printer " + id + " paused: nothing more is sent until resume";
    }

    @Override
    public String resume() {
        view.resumePrinter(id);
        return "printer " + id + " resumed";
    }

    @Override
    public String retryNow() {
        view.retryPrinter(id);
        return "printer " + id + " is tried on the next tick";
    }
}
