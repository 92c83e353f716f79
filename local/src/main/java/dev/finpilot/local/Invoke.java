package dev.finpilot.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.finpilot.messaging.Json;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.sqs.LocalContext;
import dev.finpilot.testkit.template.FunctionSpec;
import dev.finpilot.testkit.template.SamTemplate;
import dev.finpilot.testkit.template.TemplateLocator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code bin/finpilot invoke FUNCTION --event FILE [--env-vars FILE] [--user-id ID]}: what {@code
 * sam local invoke} does, without Docker. Runs one function of template.yaml in this JVM with the
 * environment the template gives it, resolved against the emulator as the local runtime resolves it
 * ({@code AWS_ENDPOINT_URL} when set, for example a running {@code bin/local}'s emulator; else the
 * test kit's emulator started for the call, with the template's resources), hands it the event file
 * as Lambda would, and prints the function's answer as JSON on stdout. Everything else the function
 * writes goes to stderr.
 *
 * <p>Exit codes: 0 when the function answered (whatever its answer says), {@value #FAILED} when it
 * threw, {@value #USAGE} when the arguments, the event file or the function name are wrong.
 */
public final class Invoke {
  static final int FAILED = 1;
  static final int USAGE = 2;

  static final String USAGE_TEXT =
      "usage: finpilot invoke FUNCTION --event FILE [--env-vars FILE] [--user-id ID]\n"
          + "  FUNCTION     the template's logical id, e.g. PlanningFunction\n"
          + "  --event      the event as Lambda delivers it (events/ has one per function)\n"
          + "  --env-vars   sam local invoke's format, {\"FUNCTION\": {\"VAR\": \"value\"}}; a\n"
          + "               variable named there replaces the template's value\n"
          + "  --user-id    for an HTTP API event: the caller the authorizer would have put in\n"
          + "               requestContext.authorizer.lambda.userId";

  private Invoke() {}

  public static void main(String[] args) {
    PrintStream stdout = System.out;
    // Handlers and the libraries under them log to stdout; only the answer goes there.
    System.setOut(System.err);
    int code = run(args, stdout, System.err);
    stdout.flush();
    System.exit(code);
  }

  /** Runs the invocation; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    InvokeArguments arguments;
    byte[] event;
    Map<String, String> overrides;
    try {
      arguments = InvokeArguments.parse(Arrays.asList(args));
      event = arguments.event(Files.readAllBytes(arguments.eventFile()));
      overrides = arguments.environmentOverrides();
    } catch (IllegalArgumentException | IOException e) {
      err.println("finpilot invoke: " + e.getMessage());
      err.println(USAGE_TEXT);
      return USAGE;
    }
    SamTemplate template = SamTemplate.read(TemplateLocator.locate());
    if (!template.logicalIds(SamTemplate.FUNCTION).contains(arguments.function())) {
      err.println(
          "finpilot invoke: no function "
              + arguments.function()
              + " in template.yaml; its functions are "
              + template.logicalIds(SamTemplate.FUNCTION));
      return USAGE;
    }
    Path state = LocalRunner.stateDirectory(System.getenv());
    LocalMarketData.overrides(template, System.getenv()).forEach(System::setProperty);
    try (Environment env =
        Environment.provision(template, LocalRunner.STACK_NAME, LocalRunner.PARAMETERS)) {
      LocalSigningKey.install(env, state);
      FunctionSpec function = withOverrides(env.function(arguments.function()), overrides);
      return invoke(function, event, out, err);
    }
  }

  private static FunctionSpec withOverrides(FunctionSpec spec, Map<String, String> overrides) {
    Map<String, String> environment = new LinkedHashMap<>(spec.environment());
    environment.putAll(overrides);
    return new FunctionSpec(
        spec.logicalId(),
        spec.functionName(),
        spec.functionArn(),
        spec.handler(),
        spec.timeout(),
        spec.memorySizeMb(),
        environment,
        spec.sqsEvents());
  }

  private static int invoke(FunctionSpec function, byte[] event, PrintStream out, PrintStream err) {
    Object handler;
    try {
      handler = StackRuntime.instantiate(function);
    } catch (IllegalStateException e) {
      err.println(
          "finpilot invoke: " + e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause()));
      return FAILED;
    }
    Method method = handleRequest(handler.getClass());
    Object input = read(method.getParameterTypes()[0], event);
    Object answer;
    try {
      answer = method.invoke(handler, input, LocalContext.forInvocation(function));
    } catch (InvocationTargetException e) {
      err.println(function.logicalId() + " threw:");
      e.getCause().printStackTrace(err);
      return FAILED;
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
    out.println(write(answer));
    return 0;
  }

  /** The handler's own {@code handleRequest}, whose parameter says what the event is. */
  private static Method handleRequest(Class<?> handler) {
    return Arrays.stream(handler.getMethods())
        .filter(m -> m.getName().equals("handleRequest") && !m.isBridge())
        .filter(m -> m.getParameterCount() == 2 && m.getParameterTypes()[1] == Context.class)
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException(handler.getName() + " has no handleRequest method"));
  }

  /** The event as the Lambda Java runtime reads it: its own serializer for its event classes. */
  private static Object read(Class<?> type, byte[] event) {
    if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
      return serializer(type).fromJson(new String(event, StandardCharsets.UTF_8));
    }
    try {
      return Json.mapper().readValue(event, type);
    } catch (IOException e) {
      throw new IllegalArgumentException("the event is not a " + type.getSimpleName(), e);
    }
  }

  private static String write(Object answer) {
    if (answer != null
        && LambdaEventSerializers.isLambdaSupportedEvent(answer.getClass().getName())) {
      ByteArrayOutputStream json = new ByteArrayOutputStream();
      serializer(answer.getClass()).toJson(answer, json);
      return json.toString(StandardCharsets.UTF_8);
    }
    return Json.write(answer);
  }

  @SuppressWarnings("unchecked")
  private static <T> PojoSerializer<T> serializer(Class<?> type) {
    return LambdaEventSerializers.serializerFor((Class<T>) type, Invoke.class.getClassLoader());
  }
}
