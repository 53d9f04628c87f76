package dev.proofdesk.server.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofdesk.server.account.AuditLog;
import dev.proofdesk.server.apikey.ApiKeyService;
import dev.proofdesk.server.dashboard.user.SignIns;
import dev.proofdesk.server.environment.EnvironmentServices;
import dev.proofdesk.server.environment.Environments;
import dev.proofdesk.server.http.ErrorPages;
import dev.proofdesk.server.http.Guard;
import dev.proofdesk.server.http.NotFoundTranslator;
import dev.proofdesk.server.http.RouteModule;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.store.Store;
import dev.proofdesk.server.testhelper.MockHolder;
import dev.proofdesk.server.testhelper.MockPassportService;
import io.javalin.config.RoutesConfig;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The dashboard ({@code /dashboard/{test|live}/…}) and the hosted verification page ({@code /verify/…}),
 * rendered on the server. Pages call the same services as the API, as the signed-in user's account
 * and the environment in the URL.
 */
public final class DashboardRoutes implements RouteModule {
    /** Everything the pages need from the composition root. */
    public record Services(Environments environments, NotFoundTranslator notFound, SignIns signIns, Store control, AuditLog auditLog,
                           MockPassportService mockPassports, MockHolder mockHolder, ObjectMapper json,
                           ApiKeyService apiKeys, Supplier<String> baseUrl, boolean publicUrlIsHttps, Clock clock) {
    }

    private static final List<Web.Section> SECTIONS = List.of(
            new Web.Section("", "Overview", null),
            new Web.Section("flows", "Flows", null),
            new Web.Section("sessions", "Sessions", null),
            new Web.Section("keys", "API keys", null),
            new Web.Section("webhooks", "Webhooks", null),
            new Web.Section("events", "Events", null),
            new Web.Section("mock-passports", "Mock passports", Environment.TEST),
            new Web.Section("credits", "Credits", Environment.LIVE),
            new Web.Section("audit", "Audit log", null));

    private final Services services;
    private final Templates templates = new Templates();

    public DashboardRoutes(Services services) {
        this.services = services;
    }

    @Override
    public Optional<ErrorPages> errorPages() {
        return Optional.of(new PageErrors(templates));
    }

    @Override
    public void register(RoutesConfig routes, Guard guard) {
        Cookies cookies = new Cookies(services.publicUrlIsHttps());
        Web web = new Web(services.signIns(), services.environments(), services.notFound(), templates, cookies,
                SECTIONS);
        Audit audit = new Audit(services.control(), services.auditLog());
        Assets assets = new Assets();
        SignInPages signIn = new SignInPages(services.signIns(), web);
        FlowPages flows = new FlowPages(web, audit, services.json());
        CopyPages copy = new CopyPages(web, audit, services.environments(), services.json());
        SessionPages sessions = new SessionPages(web);
        KeyPages keys = new KeyPages(web, services.apiKeys(), services.clock());
        MockPassportPages mocks = new MockPassportPages(web, services.mockPassports(), services.json());
        EventPages events = new EventPages(web);
        AuditPage auditPage = new AuditPage(web, audit);
        WebhookPages webhooks = new WebhookPages(web, audit);
        CreditsPage credits = new CreditsPage(web, services.clock());
        OverviewPage overview = new OverviewPage(web, services.clock());
        VerifyPages verify = new VerifyPages(services.environments().each(EnvironmentServices::holder),
                services.mockPassports(), services.mockHolder(), templates, services.baseUrl(), guard.holderLimits());

        routes.get("/dashboard/assets/{file}", assets::serve);
        routes.get("/dashboard", signIn::root);
        routes.get("/dashboard/sign-in", signIn::form);
        routes.post("/dashboard/sign-in", signIn::submit);
        routes.post("/dashboard/sign-out", signIn::signOut);

        routes.get("/dashboard/{env}", web.page(overview::show));
        routes.get("/dashboard/{env}/flows", web.page(flows::list));
        routes.get("/dashboard/{env}/flows/new", web.page(flows::newForm));
        routes.post("/dashboard/{env}/flows", web.page(flows::create));
        routes.get("/dashboard/{env}/flows/copy", web.page(copy::form));
        routes.post("/dashboard/{env}/flows/copy", web.page(copy::submit));
        routes.get("/dashboard/{env}/flows/{id}", web.page(flows::show));
        routes.post("/dashboard/{env}/flows/{id}", web.page(flows::update));
        routes.get("/dashboard/{env}/flows/{id}/edit", web.page(flows::editForm));
        routes.post("/dashboard/{env}/flows/{id}/publish", web.page(flows::publish));
        routes.post("/dashboard/{env}/flows/{id}/archive", web.page(flows::archive));
        routes.get("/dashboard/{env}/flows/{id}/export", web.page(flows::export));
        routes.post("/dashboard/{env}/flows/{id}/try", web.page(flows::trySession));

        routes.get("/dashboard/{env}/sessions", web.page(sessions::list));
        routes.get("/dashboard/{env}/sessions/{id}", web.page(sessions::show));
        routes.post("/dashboard/{env}/sessions/{id}/cancel", web.page(sessions::cancel));
        routes.get("/dashboard/{env}/keys", web.page(keys::list));
        routes.post("/dashboard/{env}/keys", web.page(keys::create));
        routes.post("/dashboard/{env}/keys/{id}/roll", web.page(keys::roll));
        routes.get("/dashboard/{env}/keys/{id}/revoke", web.page(keys::revokeForm));
        routes.post("/dashboard/{env}/keys/{id}/revoke", web.page(keys::revoke));
        routes.get("/dashboard/{env}/mock-passports", web.page(mocks::list));
        routes.post("/dashboard/{env}/mock-passports", web.page(mocks::create));
        routes.get("/dashboard/{env}/mock-passports/{id}/chip.json", web.page(mocks::chip));
        routes.get("/dashboard/{env}/webhooks", web.page(webhooks::list));
        routes.post("/dashboard/{env}/webhooks", web.page(webhooks::create));
        routes.get("/dashboard/{env}/webhooks/{id}", web.page(webhooks::show));
        routes.post("/dashboard/{env}/webhooks/{id}/rotate", web.page(webhooks::rotate));
        routes.post("/dashboard/{env}/webhooks/{id}/test", web.page(webhooks::sendTest));
        routes.post("/dashboard/{env}/webhooks/{id}/status", web.page(webhooks::setEnabled));
        routes.post("/dashboard/{env}/events/{id}/redeliver", web.page(webhooks::redeliver));
        routes.get("/dashboard/{env}/events", web.page(events::list));
        routes.get("/dashboard/{env}/events/{id}", web.page(events::show));
        routes.get("/dashboard/{env}/audit", web.page(auditPage::list));
        routes.get("/dashboard/{env}/credits", web.page(credits::show));

        routes.get("/verify/{id}", verify::show);
        routes.get("/verify/{id}/status", verify::status);
        routes.post("/verify/{id}/mock", verify::completeWithMock);
    }
}
