package dev.proofdesk.server.dashboard;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

import java.util.Map;

/** The precompiled JTE templates (built from src/main/jte at build time, so nothing compiles at run time). */
final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    void render(Context ctx, int status, String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        engine.render(template, params, out);
        ctx.status(status).html(out.toString());
    }
}
