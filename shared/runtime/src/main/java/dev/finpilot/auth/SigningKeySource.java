package dev.finpilot.auth;

/**
 * Where the signing keys come from (Secrets Manager in Lambda, fixed keys in tests). Called on
 * every token issued or checked, so implementations cache.
 */
@FunctionalInterface
public interface SigningKeySource {
  SigningKeys keys();
}
