package dev.finpilot.testkit.template;

import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;

/**
 * Creates an {@code AWS::SecretsManager::Secret} holding a development value: its literal {@code
 * SecretString}, or a value made by {@link DevSecrets} as {@code GenerateSecretString} describes.
 */
final class SecretProvisioner {

  private final SecretsManagerClient secrets;

  SecretProvisioner(SecretsManagerClient secrets) {
    this.secrets = secrets;
  }

  PhysicalResource create(String logicalId, Map<String, Object> props, StackContext stack) {
    String where = "Resources." + logicalId + ".Properties";
    String name =
        props.containsKey("Name")
            ? Nodes.text(props.get("Name"), where + ".Name")
            : stack.physicalName(logicalId);
    String value =
        props.containsKey("SecretString")
            ? Nodes.text(props.get("SecretString"), where + ".SecretString")
            : DevSecrets.generate(
                logicalId,
                Nodes.optionalMap(
                    props.get("GenerateSecretString"), where + ".GenerateSecretString"));
    String arn;
    try {
      arn = secrets.createSecret(b -> b.name(name).secretString(value)).arn();
    } catch (ResourceExistsException alreadyThere) {
      arn = secrets.putSecretValue(b -> b.secretId(name).secretString(value)).arn();
    }
    return new PhysicalResource(SamTemplate.SECRET, arn, Map.of("Id", arn));
  }
}
