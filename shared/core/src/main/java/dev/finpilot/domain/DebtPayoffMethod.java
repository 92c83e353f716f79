package dev.finpilot.domain;

/**
 * Avalanche pays the highest APR first (least interest); snowball pays the smallest balance first
 * (quickest wins). Plans say which they use and why.
 */
public enum DebtPayoffMethod {
  AVALANCHE,
  SNOWBALL
}
