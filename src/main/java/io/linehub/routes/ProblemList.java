package io.linehub.routes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The problems found in one file so far, each placed on a line of that file; the same one is kept once. */
final class ProblemList {

    private final Path file;
    private final SourceLines source;
    private final List<RouteProblem> problems = new ArrayList<>();

    ProblemList(Path file, SourceLines source) {
        this.file = file;
        this.source = source;
    }

    void add(int line, String message) {
        RouteProblem problem = new RouteProblem(file, line, message);
        if (!problems.contains(problem)) {
            problems.add(problem);
        }
    }

    /** At the line where {@code token} is written, searched from {@code fromLine} (the step's own line). */
    void addAt(String token, int fromLine, String message) {
        add(source.lineOf(token, fromLine), message);
    }

    int size() {
        return problems.size();
    }

    SourceLines source() {
        return source;
    }

    List<RouteProblem> sorted() {
        List<RouteProblem> answer = new ArrayList<>(problems);
        answer.sort(Comparator.comparingInt(RouteProblem::line));
        return List.copyOf(answer);
    }
}
