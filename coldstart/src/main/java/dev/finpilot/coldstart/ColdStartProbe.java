package dev.finpilot.coldstart;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;

/**
 * What the Lambda Java runtime does in a new execution environment, in the child JVM that {@link
 * ColdStarts} starts on an unzipped package: construct the handler class (INIT), read the event
 * with the runtime's own serializer and call {@code handleRequest} once. Writes three lines to the
 * result file: the wall-clock milliseconds when the handler was constructed, when it answered, and
 * the answer as JSON. Depends only on the package and on aws-lambda-java-serialization, which the
 * runtime also keeps beside the function's code.
 *
 * <p>Arguments: {@code HANDLER_CLASS EVENT_FILE RESULT_FILE}.
 */
public final class ColdStartProbe {

  private ColdStartProbe() {}

  public static void main(String[] args) throws Exception {
    Class<?> type = Class.forName(args[0]);
    Object handler = type.getConstructor().newInstance();
    long constructed = System.currentTimeMillis();

    Method method = handleRequest(type);
    Object event = read(method.getParameterTypes()[0], Files.readAllBytes(Path.of(args[1])));
    Object answer;
    try {
      answer = method.invoke(handler, event, new ProbeContext(System.getenv()));
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(args[0] + " threw", e.getCause());
    }
    long answered = System.currentTimeMillis();
    Files.writeString(
        Path.of(args[2]), constructed + "\n" + answered + "\n" + write(answer) + "\n");
  }

  private static Method handleRequest(Class<?> type) {
    return Arrays.stream(type.getMethods())
        .filter(m -> m.getName().equals("handleRequest") && !m.isBridge())
        .filter(m -> m.getParameterCount() == 2 && m.getParameterTypes()[1] == Context.class)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(type + " has no handleRequest"));
  }

  private static Object read(Class<?> type, byte[] event) {
    return serializer(type).fromJson(new String(event, StandardCharsets.UTF_8));
  }

  private static String write(Object answer) throws IOException {
    if (answer == null) {
      return "null";
    }
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    serializer(answer.getClass()).toJson(answer, json);
    return json.toString(StandardCharsets.UTF_8);
  }

  /** The Lambda runtime's choice: its event serializers for its event classes, else Jackson. */
  @SuppressWarnings("unchecked")
  private static <T> PojoSerializer<T> serializer(Class<?> type) {
    if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
      return LambdaEventSerializers.serializerFor(
          (Class<T>) type, ColdStartProbe.class.getClassLoader());
    }
    return JacksonFactory.getInstance().getSerializer((Class<T>) type);
  }

  /** The invocation's context, from the variables Lambda sets (the driver sets them here). */
  private record ProbeContext(java.util.Map<String, String> env) implements Context {

    @Override
    public String getAwsRequestId() {
      return UUID.randomUUID().toString();
    }

    @Override
    public String getLogGroupName() {
      return "/aws/lambda/" + getFunctionName();
    }

    @Override
    public String getLogStreamName() {
      return "cold-start";
    }

    @Override
    public String getFunctionName() {
      return env.get("AWS_LAMBDA_FUNCTION_NAME");
    }

    @Override
    public String getFunctionVersion() {
      return env.get("AWS_LAMBDA_FUNCTION_VERSION");
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:"
          + env.get("AWS_REGION")
          + ":000000000000:function:"
          + getFunctionName();
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
      return 30_000;
    }

    @Override
    public int getMemoryLimitInMB() {
      return Integer.parseInt(env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"));
    }

    @Override
    public LambdaLogger getLogger() {
      return new LambdaLogger() {
        @Override
        public void log(String message) {
          System.out.print(message);
        }

        @Override
        public void log(byte[] message) {
          System.out.write(message, 0, message.length);
        }
      };
    }
  }
}
