package dev.finpilot.testkit.template;

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
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Parses CloudFormation/SAM YAML into plain maps, lists and strings.
 *
 * <p>Short-form intrinsic tags ({@code !Ref X}, {@code !GetAtt A.B}, {@code !Sub ...}) become their
 * long JSON forms ({@code {Ref: X}}, {@code {Fn::GetAtt: [A, B]}}), so the resolver only has to
 * understand one shape. Every scalar stays the text the author wrote: numbers, booleans and dates
 * are not interpreted here, because CloudFormation passes e.g. environment variable values through
 * as strings and readers parse the few numeric properties themselves.
 */
public final class CfnYaml {

  private static final Map<String, String> SHORT_TAGS =
      Map.ofEntries(
          Map.entry("Ref", "Ref"),
          Map.entry("Condition", "Condition"),
          Map.entry("GetAtt", "Fn::GetAtt"),
          Map.entry("Sub", "Fn::Sub"),
          Map.entry("If", "Fn::If"),
          Map.entry("Equals", "Fn::Equals"),
          Map.entry("Not", "Fn::Not"),
          Map.entry("And", "Fn::And"),
          Map.entry("Or", "Fn::Or"),
          Map.entry("Select", "Fn::Select"),
          Map.entry("Join", "Fn::Join"),
          Map.entry("Split", "Fn::Split"),
          Map.entry("FindInMap", "Fn::FindInMap"),
          Map.entry("GetAZs", "Fn::GetAZs"),
          Map.entry("ImportValue", "Fn::ImportValue"),
          Map.entry("Base64", "Fn::Base64"),
          Map.entry("Cidr", "Fn::Cidr"));

  private CfnYaml() {}

  /** Parses one YAML document whose top level is a mapping. */
  public static Map<String, Object> parse(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Object document = new Yaml(new CfnConstructor(options)).load(yaml);
    return Nodes.map(document, "template");
  }

  /** Short tag (without the {@code !}) to the long-form key it stands for. */
  static Map<String, String> shortTags() {
    return SHORT_TAGS;
  }

  private static final class CfnConstructor extends SafeConstructor {

    CfnConstructor(LoaderOptions options) {
      super(options);
      ConstructYamlStr verbatim = new ConstructYamlStr();
      yamlConstructors.put(Tag.INT, verbatim);
      yamlConstructors.put(Tag.FLOAT, verbatim);
      yamlConstructors.put(Tag.BOOL, verbatim);
      yamlConstructors.put(Tag.TIMESTAMP, verbatim);
      SHORT_TAGS.forEach(
          (tag, key) -> yamlConstructors.put(new Tag("!" + tag), new Intrinsic(key)));
    }

    private final class Intrinsic extends AbstractConstruct {
      private final String key;

      Intrinsic(String key) {
        this.key = key;
      }

      @Override
      public Object construct(Node node) {
        Object argument;
        if (node instanceof ScalarNode scalar) {
          argument = constructScalar(scalar);
        } else if (node instanceof SequenceNode sequence) {
          argument = constructSequence(sequence);
        } else {
          argument = constructMapping((MappingNode) node);
        }
        if (key.equals("Fn::GetAtt") && argument instanceof String dotted) {
          argument = splitGetAtt(dotted);
        }
        return Map.of(key, argument);
      }
    }
  }

  /**
   * {@code !GetAtt Resource.Attr.Sub} means resource {@code Resource}, attribute {@code Attr.Sub}.
   */
  private static List<String> splitGetAtt(String dotted) {
    int dot = dotted.indexOf('.');
    if (dot <= 0 || dot == dotted.length() - 1) {
      throw new TemplateException("!GetAtt '" + dotted + "': expected LogicalId.Attribute");
    }
    return List.of(dotted.substring(0, dot), dotted.substring(dot + 1));
  }
}
