package dev.finpilot.functions.api;

import dev.finpilot.accounts.erasure.AccountData;
import dev.finpilot.auth.AuditLog;
import dev.finpilot.execution.LedgerStore;
import dev.finpilot.functions.api.accounts.Accounts;
import dev.finpilot.functions.api.accounts.LoginThrottle;
import dev.finpilot.functions.api.accounts.RefreshTokens;
import dev.finpilot.functions.api.limits.RateLimiter;
import dev.finpilot.goals.GoalParser;
import dev.finpilot.plans.PlanRepository;
import dev.finpilot.retrieval.MarketData;
import dev.finpilot.workflow.PlanLifecycle;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Exposes the ports of the {@link ApiBackend} the handler was built with, and the services on them.
 */
@Factory
class BackendBeans {

  @Singleton
  PlanRepository plans(ApiBackend backend) {
    return backend.plans();
  }

  @Singleton
  LedgerStore ledger(ApiBackend backend) {
    return backend.ledger();
  }

  @Singleton
  HealthProbe health(ApiBackend backend) {
    return backend.health();
  }

  @Singleton
  IdempotencyStore idempotency(ApiBackend backend) {
    return backend.idempotency();
  }

  @Singleton
  PlanLifecycle lifecycle(ApiBackend backend) {
    return new PlanLifecycle(backend.plans(), backend.bus(), backend.clock(), backend.notifier());
  }

  @Singleton
  Clock clock(ApiBackend backend) {
    return backend.clock();
  }

  @Singleton
  RateLimiter rateLimiter(ApiBackend backend) {
    return new RateLimiter(backend.buckets(), backend.clock());
  }

  @Singleton
  GoalParser goalParser() {
    return new GoalParser();
  }

  @Singleton
  Accounts accounts(ApiBackend backend) {
    return new Accounts(
        backend.users(),
        backend.passwords(),
        backend.accessTokens(),
        new RefreshTokens(backend.refreshTokens(), new SecureRandom(), backend.clock()),
        backend.sessions(),
        new LoginThrottle(backend.attempts(), backend.clock()),
        backend.connections(),
        AuditLog.toLogger(),
        backend.clock());
  }

  @Singleton
  AccountData accountData(ApiBackend backend) {
    return new AccountData(
        backend.personalData(), backend.connections(), AuditLog.toLogger(), backend.clock());
  }

  @Singleton
  MarketData marketData(ApiBackend backend) {
    return backend.marketData();
  }
}
