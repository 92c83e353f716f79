package dev.finpilot.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads CloudFormation YAML. The short-form intrinsic tags ({@code !Ref}, {@code !GetAtt}, {@code
 * !Sub}, ...) become the long-form maps CloudFormation itself sees ({@code {"Ref": ...}}, {@code
 * {"Fn::GetAtt": [id, attribute]}}, ...), so checks need to know only one form.
 */
final class CfnYaml {

  private CfnYaml() {}

  static Map<String, Object> load(Path file) {
    try (Reader reader = Files.newBufferedReader(file)) {
      return parse(reader);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }

  static Map<String, Object> parse(Reader reader) {
    Object document = new Yaml(new IntrinsicConstructor(new LoaderOptions())).load(reader);
    if (!(document instanceof Map)) {
      throw new IllegalArgumentException("a CloudFormation template is a YAML mapping");
    }
    return Nodes.map(document);
  }

  private static final class IntrinsicConstructor extends SafeConstructor {

    IntrinsicConstructor(LoaderOptions options) {
      super(options);
      // Every local tag ("!Name") is an intrinsic function; an unknown one is kept, not rejected,
      // so that cfn-lint (which knows the full list) is the one to judge it.
      yamlMultiConstructors.put("!", new ConstructIntrinsic());
    }

    private final class ConstructIntrinsic extends AbstractConstruct {
      @Override
      public Object construct(Node node) {
        String name = node.getTag().getValue().substring(1);
        String key = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
        return Map.of(key, argument(name, node));
      }

      private Object argument(String name, Node node) {
        if (node instanceof ScalarNode scalar) {
          String text = constructScalar(scalar);
          // "!GetAtt Resource.Attribute" is the short form of ["Resource", "Attribute"].
          return name.equals("GetAtt") ? List.of(text.split("\\.", 2)) : text;
        }
        if (node instanceof SequenceNode sequence) {
          return constructSequence(sequence);
        }
        return constructMapping((MappingNode) node);
      }
    }
  }
}
