package dev.finpilot.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.testkit.template.Nodes;
import dev.finpilot.testkit.template.References;
import dev.finpilot.testkit.template.SamTemplate;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** The market monitor runs on a schedule the stack declares and its deployer may change. */
class MarketMonitorTest {

  private final SamTemplate template = Project.template();

  @Test
  void theMonitorRunsOnTheScheduleParameterOnly() {
    Map<String, Map<String, Object>> schedules = template.events("MonitorFunction", "Schedule");

    assertThat(template.properties("MonitorFunction").get("Events"))
        .asInstanceOf(InstanceOfAssertFactories.MAP)
        .hasSize(1);
    assertThat(schedules).hasSize(1);
    Object schedule = schedules.values().iterator().next().get("Schedule");
    assertThat(References.isRef(schedule, "MarketMonitorSchedule")).as("%s", schedule).isTrue();
  }

  @Test
  void byDefaultItRunsEveryQuarterHourOfTheUsSessionOnWeekdaysWhateverTheDaylightSaving() {
    Map<String, Object> parameter =
        Nodes.mapAt(template.section("Parameters"), "MarketMonitorSchedule");

    // 13-21 UTC holds 09:30-16:00 New York time in EDT (13:30-20:00) and EST (14:30-21:00).
    assertThat(parameter.get("Default")).isEqualTo("cron(0/15 13-21 ? * MON-FRI *)");
  }

  @Test
  void oneRunAtATimeAndAFailedRunIsRetriedOnlyBeforeTheNext() {
    Map<String, Object> p = template.properties("MonitorFunction");

    assertThat(p.get("ReservedConcurrentExecutions")).isEqualTo("1");
    assertThat(Nodes.mapAt(p, "EventInvokeConfig"))
        .containsEntry("MaximumRetryAttempts", "2")
        .containsEntry("MaximumEventAgeInSeconds", "900");
  }

  @Test
  void theMonitorIsNoQueueConsumer() {
    assertThat(template.triggerQueue("MonitorFunction")).isEmpty();
    assertThat(template.environment("MonitorFunction")).doesNotContainKey("DEAD_LETTER_QUEUE_URL");
  }
}
