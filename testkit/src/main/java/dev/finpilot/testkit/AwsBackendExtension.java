package dev.finpilot.testkit;

import dev.finpilot.testkit.backend.AwsBackend;
import dev.finpilot.testkit.backend.AwsBackends;
import dev.finpilot.testkit.backend.Required;
import dev.finpilot.testkit.template.SamTemplate;
import dev.finpilot.testkit.template.TemplateLocator;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Before each test class: takes the JVM's one backend (started lazily), resets it, provisions the
 * template and offers the resulting {@link Environment} as a parameter; after the class, stops the
 * pollers it started. Nested classes share their outer class's environment.
 *
 * <p>With no backend available the class is skipped, except under {@code CI=true}, where it fails
 * with the message saying how to provide one.
 */
public final class AwsBackendExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(AwsBackendExtension.class);
  private static final String ENVIRONMENT = "environment";

  @Override
  public void beforeAll(ExtensionContext context) {
    if (context.getStore(NAMESPACE).get(ENVIRONMENT, Environment.class) != null) {
      return;
    }
    AwsBackend backend = Required.orSkip(AwsBackends::shared, System::getenv);
    backend.reset();
    WithAwsBackend settings =
        AnnotationSupport.findAnnotation(context.getRequiredTestClass(), WithAwsBackend.class)
            .orElse(null);
    String template = settings == null ? "" : settings.template();
    String[] parameters = settings == null ? new String[0] : settings.parameters();
    Environment environment =
        Environment.provision(load(template), StackNames.next(), parameters(parameters));
    context.getStore(NAMESPACE).put(ENVIRONMENT, environment);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Environment environment = context.getStore(NAMESPACE).remove(ENVIRONMENT, Environment.class);
    if (environment != null) {
      environment.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Environment.class || type == AwsBackend.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Environment environment =
        Optional.ofNullable(context.getStore(NAMESPACE).get(ENVIRONMENT, Environment.class))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "No Environment yet: annotate the class with @WithAwsBackend"));
    return parameter.getParameter().getType() == AwsBackend.class
        ? environment.backend()
        : environment;
  }

  static SamTemplate load(String template) {
    if (template.isEmpty()) {
      return SamTemplate.read(TemplateLocator.locate());
    }
    if (template.startsWith("classpath:")) {
      return SamTemplate.fromClasspath(template.substring("classpath:".length()));
    }
    return SamTemplate.read(Path.of(template));
  }

  static Map<String, String> parameters(String[] assignments) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String assignment : assignments) {
      int equals = assignment.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException(
            "@WithAwsBackend parameters: expected Name=Value, was '" + assignment + "'");
      }
      values.put(assignment.substring(0, equals), assignment.substring(equals + 1));
    }
    return values;
  }
}
