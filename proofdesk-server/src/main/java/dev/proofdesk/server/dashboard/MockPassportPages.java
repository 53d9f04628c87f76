package dev.proofdesk.server.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofdesk.server.dashboard.view.FormState;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.testhelper.MockPassport;
import dev.proofdesk.server.testhelper.MockPassportInput;
import dev.proofdesk.server.testhelper.MockPassportService;
import io.javalin.http.Context;

import java.util.HashMap;
import java.util.Map;

/** Test mode only: mock passports with chosen attributes, and their chip data to download. */
final class MockPassportPages {
    private static final int LIST_LIMIT = 100;
    private final Web web;
    private final MockPassportService passports;
    private final ObjectMapper json;

    MockPassportPages(Web web, MockPassportService passports, ObjectMapper json) {
        this.web = web;
        this.passports = passports;
        this.json = json;
    }

    void list(Context ctx, Visit v) {
        v.requireTest("Mock passports");
        render(ctx, v, 200, FormState.of(Map.of("nationality", "UTO", "age", "30", "documentType", "passport",
                "chipAuthentication", "active", "accessControl", "both")));
    }

    void create(Context ctx, Visit v) {
        v.requireTest("Mock passports");
        FormState form = FlowForm.submitted(ctx);
        try {
            MockPassport passport = passports.create(v.accountId(), input(form));
            web.redirect(ctx, v.base() + "/mock-passports", "Created the mock passport of "
                    + passport.givenNames() + " " + passport.surname() + ".");
        } catch (ApiException e) {
            if (e.status() != 400) {
                throw e;
            }
            render(ctx, v, 400, form.withIssues(FlowForm.issues(e)));
        }
    }

    void chip(Context ctx, Visit v) throws Exception {
        v.requireTest("Mock passports");
        MockPassport passport = passports.get(v.accountId(), ctx.pathParam("id"));
        ctx.header("Content-Disposition", "attachment; filename=\"mock-passport-" + passport.id() + "-chip.json\"");
        ctx.contentType("application/json").result(json.writerWithDefaultPrettyPrinter()
                .writeValueAsString(passport.chip()));
    }

    private void render(Context ctx, Visit v, int status, FormState form) {
        Map<String, Object> params = new HashMap<>();
        params.put("passports", passports.list(v.accountId(), null, LIST_LIMIT));
        params.put("form", form);
        web.render(ctx, v, status, "Mock passports", "mock/list.jte", params);
    }

    private static MockPassportInput input(FormState form) {
        Integer age = null;
        String rawAge = form.value("age").strip();
        if (!rawAge.isEmpty()) {
            try {
                age = Integer.parseInt(rawAge);
            } catch (NumberFormatException e) {
                throw ApiException.validation("age", "must be a whole number of years");
            }
        }
        return new MockPassportInput(text(form, "nationality"), age, text(form, "dateOfBirth"), text(form, "ofac"),
                text(form, "fullName"), text(form, "documentNumber"), text(form, "expiryDate"),
                text(form, "documentType"), text(form, "gender"), null, text(form, "defect"),
                text(form, "chipAuthentication"), text(form, "accessControl"));
    }

    static String text(FormState form, String field) {
        String value = form.value(field).strip();
        return value.isEmpty() ? null : value;
    }
}
