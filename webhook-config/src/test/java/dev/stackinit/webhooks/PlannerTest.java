package dev.stackinit.webhooks;

import static dev.stackinit.webhooks.Specs.live;
import static dev.stackinit.webhooks.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stackinit.webhooks.PlannedChange.Action;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerTest {
    private final WebhookSpec orders = spec("order_hook", "orders", "http://stackend:8000/orders");

    @Test
    void missingWebhooksAreCreated() {
        Plan plan = Planner.plan(List.of(orders), List.of(), false);
        assertThat(plan.names(Action.CREATE)).containsExactly("order_hook");
        assertThat(plan.statements())
                .containsExactly("CREATE TRIGGER order_hook AFTER INSERT OR UPDATE ON public.orders FOR EACH ROW"
                        + " EXECUTE FUNCTION supabase_functions.http_request('http://stackend:8000/orders', 'POST',"
                        + " '{\"Content-Type\":\"application/json\"}', '{}', '5000')");
        assertThat(plan.summary("plan")).isEqualTo("1 change (1 to create), 0 unchanged");
    }

    @Test
    void aStudioIdenticalTriggerIsUnchangedEvenWithReorderedJsonAndEvents() {
        LiveWebhook reordered = new LiveWebhook(
                "order_hook",
                "public",
                "orders",
                EnumSet.of(Event.UPDATE, Event.INSERT),
                "AFTER",
                true,
                "supabase_functions",
                "http_request",
                List.of(
                        "http://stackend:8000/orders",
                        "POST",
                        "{ \"Content-Type\" : \"application/json\" }",
                        "{ }",
                        " 5000"),
                true,
                false,
                "");
        Plan plan = Planner.plan(List.of(orders), List.of(reordered), false);
        assertThat(plan.names(Action.UNCHANGED)).containsExactly("order_hook");
        assertThat(plan.statements()).isEmpty();
        assertThat(plan.summary("done")).isEqualTo("0 changes, 1 unchanged");
    }

    @Test
    void headerKeyOrderDoesNotMatter() {
        WebhookSpec twoHeaders = new WebhookSpec(
                orders.name(),
                "public",
                "orders",
                orders.events(),
                orders.url(),
                HttpMethod.POST,
                Json.object(java.util.Map.of("Content-Type", "application/json", "X-A", "1")),
                orders.params(),
                5000);
        LiveWebhook live = live(
                "order_hook",
                "public",
                "orders",
                List.of(orders.url(), "POST", "{\"X-A\":\"1\",\"Content-Type\":\"application/json\"}", "{}", "5000"));
        assertThat(Planner.plan(List.of(twoHeaders), List.of(live), false).changeCount())
                .isZero();
    }

    @Test
    void aChangedUrlIsAnUpdateThatDropsAndCreates() {
        LiveWebhook old = live(orders.withUrl("https://api.example.com/orders"));
        Plan plan = Planner.plan(List.of(orders), List.of(old), false);
        PlannedChange change = plan.changes().get(0);
        assertThat(change.action()).isEqualTo(Action.UPDATE);
        assertThat(change.differences())
                .containsExactly("url https://api.example.com/orders → http://stackend:8000/orders");
        assertThat(plan.statements()).hasSize(2);
        assertThat(plan.statements().get(0)).isEqualTo("DROP TRIGGER order_hook ON public.orders");
        assertThat(plan.statements().get(1)).startsWith("CREATE TRIGGER order_hook AFTER");
    }

    @Test
    void anythingButStudiosFormIsAnUpdate() {
        LiveWebhook before = new LiveWebhook(
                "order_hook",
                "public",
                "orders",
                orders.events(),
                "BEFORE",
                false,
                "supabase_functions",
                "http_request",
                orders.triggerArguments(),
                true,
                true,
                "");
        assertThat(Planner.plan(List.of(orders), List.of(before), false)
                        .changes()
                        .get(0)
                        .differences())
                .containsExactly("trigger form BEFORE STATEMENT with conditions → AFTER ROW");
        LiveWebhook fourArguments =
                live("order_hook", "public", "orders", orders.triggerArguments().subList(0, 4));
        assertThat(Planner.plan(List.of(orders), List.of(fourArguments), false)
                        .changes()
                        .get(0)
                        .differences())
                .containsExactly("4 arguments → 5", "timeout_ms (none) → 5000");
    }

    @Test
    void aWebhookMovedToAnotherTableDropsTheOldTrigger() {
        LiveWebhook onInvoices = live("order_hook", "public", "invoices", orders.triggerArguments());
        Plan plan = Planner.plan(List.of(orders), List.of(onInvoices), false);
        assertThat(plan.changes().get(0).differences()).containsExactly("table public.invoices → public.orders");
        assertThat(plan.statements().get(0)).isEqualTo("DROP TRIGGER order_hook ON public.invoices");
    }

    @Test
    void undeclaredWebhooksAreKeptUnlessPruning() {
        LiveWebhook stray = live(spec("stray", "orders", "http://x/"));
        Plan kept = Planner.plan(List.of(orders), List.of(live(orders), stray), false);
        assertThat(kept.names(Action.KEPT)).containsExactly("stray");
        assertThat(kept.statements()).isEmpty();
        assertThat(kept.summary("plan")).isEqualTo("0 changes, 1 unchanged, 1 undeclared kept (use --prune to delete)");
        Plan pruned = Planner.plan(List.of(orders), List.of(live(orders), stray), true);
        assertThat(pruned.names(Action.DELETE)).containsExactly("stray");
        assertThat(pruned.statements()).containsExactly("DROP TRIGGER stray ON public.orders");
    }

    @Test
    void headerValuesAreMaskedInDifferences() {
        WebhookSpec withKey = new WebhookSpec(
                "h",
                "public",
                "orders",
                orders.events(),
                orders.url(),
                HttpMethod.POST,
                Json.object(java.util.Map.of("Authorization", "Bearer new-secret")),
                orders.params(),
                5000);
        LiveWebhook old = live(
                "h",
                "public",
                "orders",
                List.of(orders.url(), "POST", "{\"Authorization\":\"Bearer old-secret\"}", "{}", "5000"));
        String difference = Planner.plan(List.of(withKey), List.of(old), false)
                .changes()
                .get(0)
                .differences()
                .get(0);
        assertThat(difference).doesNotContain("secret").contains("****");
    }
}
