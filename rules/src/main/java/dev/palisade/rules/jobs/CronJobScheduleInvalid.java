package dev.palisade.rules.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.engine.ObjectContext;
import dev.palisade.engine.ObjectRule;
import dev.palisade.engine.RuleInfo;
import dev.palisade.model.Severity;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleInfo(id = "cronjob-schedule-invalid", severity = Severity.ERROR, category = "jobs",
        summary = "A CronJob's schedule is not a valid 5-field cron expression or descriptor, sets its time "
                + "zone with TZ=/CRON_TZ= instead of spec.timeZone, or spec.timeZone is not an IANA zone name.",
        remediation = "Write five fields (minute hour day-of-month month day-of-week) or a descriptor such as "
                + "@daily, and put the time zone in spec.timeZone (e.g. Europe/Berlin).")
public final class CronJobScheduleInvalid implements ObjectRule {
    private static final Pattern TZ_PREFIX = Pattern.compile("^\\s*(CRON_TZ|TZ)=(\\S*)\\s*(.*)$", Pattern.DOTALL);

    @Override
    public void check(ObjectContext ctx) {
        if (!"CronJob".equals(ctx.object().kind())) {
            return;
        }
        JsonNode spec = ctx.object().tree().path("spec");
        JsonNode zone = spec.path("timeZone");
        if (zone.isTextual() && !ZoneId.getAvailableZoneIds().contains(zone.asText())) {
            ctx.report("spec.timeZone", "timeZone '" + zone.asText() + "' is not a time zone database name; "
                    + "use one like UTC or America/New_York");
        }
        JsonNode scheduleNode = spec.path("schedule");
        if (!scheduleNode.isTextual()) {
            return; // absent or mistyped: schema findings
        }
        String schedule = scheduleNode.asText();
        Matcher tz = TZ_PREFIX.matcher(schedule);
        if (tz.matches()) {
            ctx.report("spec.schedule", tz.group(1) + "= in the schedule is not supported (newer API servers "
                    + "reject it); remove it and set spec.timeZone: " + tz.group(2)
                    + (zone.isTextual() ? " (spec.timeZone is already set, and the two conflict)" : ""));
            schedule = tz.group(3);
        }
        CronSchedule.problem(schedule).ifPresent(problem ->
                ctx.report("spec.schedule", "schedule '" + scheduleNode.asText() + "' is invalid: " + problem));
    }
}
