package dev.finpilot.testkit.sqs;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.finpilot.testkit.template.FunctionSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** The Lambda {@link Context} of one local invocation: ids, limits and a logger to stdout. */
public final class LocalContext implements Context {

  private static final LambdaLogger STDOUT_LOGGER =
      new LambdaLogger() {
        @Override
        public void log(String message) {
          System.out.println(message);
        }

        @Override
        public void log(byte[] message) {
          log(new String(message, StandardCharsets.UTF_8));
        }
      };

  private final FunctionSpec function;
  private final String requestId;
  private final long deadlineNanos;

  private LocalContext(FunctionSpec function, String requestId, Duration timeout) {
    this.function = function;
    this.requestId = requestId;
    this.deadlineNanos = System.nanoTime() + timeout.toNanos();
  }

  /** A context for an invocation starting now, with the function's configured timeout. */
  public static LocalContext forInvocation(FunctionSpec function) {
    return new LocalContext(function, UUID.randomUUID().toString(), function.timeout());
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + function.functionName();
  }

  @Override
  public String getLogStreamName() {
    return "local/[$LATEST]" + requestId.replace("-", "");
  }

  @Override
  public String getFunctionName() {
    return function.functionName();
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return function.functionArn();
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    long remaining = Duration.ofNanos(deadlineNanos - System.nanoTime()).toMillis();
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, remaining));
  }

  @Override
  public int getMemoryLimitInMB() {
    return function.memorySizeMb();
  }

  @Override
  public LambdaLogger getLogger() {
    return STDOUT_LOGGER;
  }
}
