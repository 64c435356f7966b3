package dev.palisade.report;

/** The output formats of {@code palisade lint --format}. */
public enum Format {
    TEXT(new TextReporter()),
    JSON(new JsonReporter()),
    SARIF(new SarifReporter()),
    JUNIT(new JunitReporter()),
    GITHUB(new GithubReporter());

    private final Reporter reporter;

    Format(Reporter reporter) {
        this.reporter = reporter;
    }

    public Reporter reporter() {
        return reporter;
    }
}
