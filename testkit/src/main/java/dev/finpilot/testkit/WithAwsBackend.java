package dev.finpilot.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against this JVM's AWS backend with the template's resources freshly
 * provisioned; test methods, constructors and {@code @BeforeAll} methods can take an {@link
 * Environment} parameter. See {@link AwsBackendExtension}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(AwsBackendExtension.class)
public @interface WithAwsBackend {

  /**
   * The template: empty for the project's {@code template.yaml} (found from the working directory
   * up through the Maven reactor), {@code classpath:path/in/resources.yaml}, or a file path.
   */
  String template() default "";

  /** Template parameter values as {@code Name=Value}, overriding their defaults. */
  String[] parameters() default {};
}
