package dev.finpilot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The simulated books and the market: ledger, portfolio, quotes. */
final class BookCommands {
  private BookCommands() {}

  @Command(name = "ledger", description = "The transactions posted to your books, newest first.")
  static final class Ledger implements Callable<Integer> {
    @ParentCommand Finpilot root;

    @Option(names = "--limit", defaultValue = "50", description = "1 to 200 (default 50)")
    int limit;

    @Option(names = "--cursor", description = "the nextCursor of the page before")
    String cursor;

    @Override
    public Integer call() {
      Cli cli = root.cli();
      cli.show(cli.api(), "/v1/ledger?limit=" + limit + Paging.cursor(cursor), Ledger::words);
      return ExitCodes.OK;
    }

    static List<String> words(JsonNode page) {
      List<String> lines = new ArrayList<>();
      for (JsonNode t : page.path("transactions")) {
        lines.add(
            String.format(
                Locale.ROOT,
                "%-20.20s %-12.12s %-15.15s %14s",
                t.path("postedAt").asText(),
                t.path("type").asText(),
                t.path("account").asText(),
                Formats.money(t.path("amount"))));
        lines.addAll(Formats.wrap(t.path("description").asText(), "    "));
      }
      if (lines.isEmpty()) {
        lines.add("no transactions yet: a plan's first month is posted when it becomes ACTIVE");
      }
      lines.addAll(Paging.next(page));
      return lines;
    }
  }

  @Command(name = "portfolio", description = "Your accounts and their value at current prices.")
  static final class Portfolio implements Callable<Integer> {
    @ParentCommand Finpilot root;

    @Override
    public Integer call() {
      Cli cli = root.cli();
      cli.show(cli.api(), "/v1/portfolio", Portfolio::words);
      return ExitCodes.OK;
    }

    static List<String> words(JsonNode portfolio) {
      List<String> lines = new ArrayList<>();
      for (JsonNode account : portfolio.path("accounts")) {
        lines.add(
            String.format(
                Locale.ROOT,
                "%-20s cash %14s",
                account.path("type").asText(),
                Formats.money(account.path("cash"))));
        for (Map.Entry<String, JsonNode> holding : account.path("holdings").properties()) {
          lines.add("    " + holding.getKey() + " " + holding.getValue());
        }
      }
      JsonNode valuation = portfolio.path("valuation");
      lines.add(
          valuation.isMissingNode()
              ? "no valuation: a held symbol has neither a quote nor a trade to price it"
              : "total " + Formats.money(valuation.path("total")));
      return lines;
    }
  }

  @Command(name = "quotes", description = "Market quotes, and why a symbol has none.")
  static final class Quotes implements Callable<Integer> {
    @ParentCommand Finpilot root;

    @Parameters(paramLabel = "SYMBOL", arity = "1..*")
    List<String> symbols;

    @Override
    public Integer call() {
      Cli cli = root.cli();
      String query = URLEncoder.encode(String.join(",", symbols), StandardCharsets.UTF_8);
      cli.show(cli.api(), "/v1/market/quotes?symbols=" + query, Quotes::words);
      return ExitCodes.OK;
    }

    static List<String> words(JsonNode answer) {
      List<String> lines = new ArrayList<>();
      for (JsonNode q : answer.path("quotes")) {
        lines.add(
            String.format(
                Locale.ROOT,
                "%-8s %12s %s  %s %s (%s)",
                q.path("symbol").asText(),
                q.path("price").asText(),
                q.path("currency").asText(),
                q.path("asOf").asText(),
                q.path("source").asText(),
                q.path("provenance").asText()));
      }
      for (JsonNode u : answer.path("unavailable")) {
        lines.addAll(
            Formats.wrap(u.path("symbol").asText() + ": " + u.path("reason").asText(), ""));
      }
      return lines;
    }
  }
}
