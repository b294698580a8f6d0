package dev.stackinit.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which live triggers a declaration gives back unchanged: Studio's form only. */
class LiveWebhookTest {
    private static final WebhookSpec STUDIO = Specs.spec("hook", "orders", "http://stackend:8000/x");

    private static LiveWebhook trigger(String timing, boolean row, boolean enabled, boolean extra, List<String> args) {
        return new LiveWebhook(
                "hook",
                "public",
                "orders",
                EnumSet.of(Event.INSERT),
                timing,
                row,
                "supabase_functions",
                "http_request",
                args,
                enabled,
                extra,
                "CREATE TRIGGER hook AFTER INSERT ON public.orders FOR EACH ROW EXECUTE FUNCTION"
                        + " supabase_functions.http_request(...)");
    }

    @Test
    void studiosFormIsDeclarable() {
        assertThat(Specs.live(STUDIO).whyNotDeclarable()).isEmpty();
        // and planning its own declaration against it changes nothing
        assertThat(Planner.plan(List.of(Specs.live(STUDIO).toSpec()), List.of(Specs.live(STUDIO)), false)
                        .changes())
                .singleElement()
                .extracting(PlannedChange::action)
                .isEqualTo(PlannedChange.Action.UNCHANGED);
    }

    @Test
    void aTwoArgumentCallIsNot() {
        LiveWebhook twoArguments = Specs.live("hook", "public", "orders", List.of("http://x/", "POST"));
        assertThat(twoArguments.whyNotDeclarable())
                .contains("passes 2 arguments to supabase_functions.http_request, not Studio's five");
        // what made it necessary: its declaration would be planned as an update
        assertThat(Planner.plan(List.of(twoArguments.toSpec()), List.of(twoArguments), false)
                        .changes()
                        .get(0)
                        .action())
                .isEqualTo(PlannedChange.Action.UPDATE);
    }

    @Test
    void nullForADefaultIsNot() {
        LiveWebhook nulls = Specs.live("hook", "public", "orders", List.of("http://x/", "POST", "null", "{}", "null"));
        assertThat(nulls.whyNotDeclarable()).contains("passes 'null' for headers, timeout (Studio writes the value)");
    }

    @Test
    void otherJsonSpacingOrNonTextValuesAreNot() {
        List<String> spaced = List.of("http://x/", "POST", "{\"Content-Type\": \"application/json\"}", "{}", "5000");
        assertThat(Specs.live("hook", "public", "orders", spaced).whyNotDeclarable())
                .contains("writes its arguments in another form than Studio's (JSON spacing, number format)");
        List<String> number = List.of("http://x/", "POST", "{\"X-N\":1}", "{}", "5000");
        assertThat(Specs.live("hook", "public", "orders", number).whyNotDeclarable())
                .contains("has header or param values that are not text");
    }

    @Test
    void disabledBeforeConditionalOrForeignFunctionTriggersAreNot() {
        List<String> args = STUDIO.triggerArguments();
        assertThat(trigger("AFTER", true, false, false, args).whyNotDeclarable())
                .contains("is disabled (a declaration cannot say so)");
        assertThat(trigger("BEFORE", true, true, false, args).whyNotDeclarable())
                .contains("is a BEFORE ROW trigger, not Studio's AFTER ... FOR EACH ROW");
        assertThat(trigger("AFTER", true, true, true, args).whyNotDeclarable())
                .hasValueSatisfying(why -> assertThat(why).contains("WHEN condition"));
        LiveWebhook other = new LiveWebhook(
                "hook",
                "public",
                "orders",
                EnumSet.of(Event.INSERT),
                "AFTER",
                true,
                "supabase_functions",
                "other",
                args,
                true,
                false,
                "CREATE TRIGGER ...");
        assertThat(other.whyNotDeclarable())
                .contains("calls supabase_functions.other, not supabase_functions.http_request");
    }

    @Test
    void itsSqlRecreatesItDisabledStateIncluded() {
        LiveWebhook disabled = trigger("AFTER", true, false, false, STUDIO.triggerArguments());
        assertThat(disabled.sql())
                .endsWith(";\nALTER TABLE public.orders DISABLE TRIGGER hook;")
                .startsWith("CREATE TRIGGER hook AFTER INSERT");
    }
}
