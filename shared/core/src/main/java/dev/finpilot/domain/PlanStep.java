package dev.finpilot.domain;

import java.time.LocalDate;

/** A dated action the user (or the execution agent) takes, such as "open a Roth IRA". */
public record PlanStep(LocalDate date, String action, AccountType account, Money amount) {}
