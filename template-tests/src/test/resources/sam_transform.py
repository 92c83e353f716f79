"""Runs the SAM transform offline, as `sam validate` does, and writes the CloudFormation result.

Usage: python3 sam_transform.py <template.yaml> <output.json> [Parameter=value ...]
(parameters not given take their defaults, as `sam deploy --parameter-overrides` does)
Exit 3 when aws-sam-translator is not installed, 1 when the transform rejects the template.
"""
import json
import sys

try:
    from samtranslator.translator.transform import transform
    from samtranslator.yaml_helper import yaml_parse
except ImportError as missing:
    print(f"aws-sam-translator is not installed: {missing}")
    sys.exit(3)


class NoIamLookups:
    """Managed policies must resolve from the translator's bundled map; IAM is never called."""

    def load(self):
        raise RuntimeError("the SAM transform tried to look up a managed policy in IAM")


def main(template_path, output_path, overrides):
    with open(template_path, encoding="utf-8") as source:
        template = yaml_parse(source.read())
    # Local code paths become S3 URIs when `sam deploy` uploads them; the transform requires that.
    for resource in template["Resources"].values():
        if resource["Type"] == "AWS::Serverless::Function":
            resource["Properties"]["CodeUri"] = "s3://finpilot-artifacts/function.zip"
    # CloudFormation hands a CommaDelimitedList parameter to the transform as a list.
    parameters = {}
    for name, parameter in template.get("Parameters", {}).items():
        if "Default" in parameter:
            default = parameter["Default"]
            is_list = parameter["Type"] == "CommaDelimitedList"
            parameters[name] = default.split(",") if is_list else default
    for override in overrides:
        name, value = override.split("=", 1)
        parameters[name] = value
    try:
        result = transform(template, parameters, NoIamLookups())
    except Exception as error:  # the translator raises several unrelated exception types
        print(f"SAM transform failed: {error}")
        sys.exit(1)
    with open(output_path, "w", encoding="utf-8") as target:
        json.dump(result, target, indent=1, default=str)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
