package dev.finpilot.benchmarks;

import dev.finpilot.goals.GoalParser;
import dev.finpilot.goals.ParseContext;
import dev.finpilot.goals.ParseResult;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Time to read one goal statement: a short sentence, two goals, and a short paragraph. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GoalParserBenchmark {

  @Param({
    "I want to save $100,000 for retirement in 10 years",
    "retire at 60 with $2M and save $50k for a house in 5 years, moderate risk",
    "I am 30 years old. I'd like to buy a $400,000 home in 4 years; I can save $2,000 a month."
        + " Then build a 3-month emergency fund and pay off $12k of credit card debt by 2027."
  })
  public String text;

  private final GoalParser parser = new GoalParser();
  private final ParseContext context =
      ParseContext.asOf(LocalDate.of(2025, 1, 15)).withCurrentAge(35);

  @Benchmark
  public ParseResult parse() {
    return parser.parse(text, context);
  }
}
