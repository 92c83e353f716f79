package dev.finpilot.domain;

/** One problem with one input field, named by its JSON path (for example {@code debts[1].apr}). */
public record FieldError(String field, String message) {}
