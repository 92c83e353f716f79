package dev.finpilot.vulncheck;

/** One OSV vulnerability record, reduced to what the decision and the report need. */
record Advisory(String id, String summary, Severity severity) {}
