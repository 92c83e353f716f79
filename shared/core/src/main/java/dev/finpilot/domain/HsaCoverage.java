package dev.finpilot.domain;

/** HDHP coverage decides whether an HSA may be funded at all and at which limit. */
public enum HsaCoverage {
  NONE,
  SELF_ONLY,
  FAMILY
}
