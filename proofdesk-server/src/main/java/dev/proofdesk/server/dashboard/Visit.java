package dev.proofdesk.server.dashboard;

import dev.proofdesk.server.dashboard.user.DashboardUser;
import dev.proofdesk.server.environment.EnvironmentServices;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.store.Environment;

/**
 * One signed-in request to a dashboard page: the user (whose account every call acts as), the
 * environment named in the URL, and that environment's services, exactly as an API key would select them.
 */
record Visit(DashboardUser user, Environment env, EnvironmentServices services, String csrf, String section) {

    String accountId() {
        return user.accountId();
    }

    String actor() {
        return user.actor();
    }

    String base() {
        return "/dashboard/" + env.id();
    }

    void requireKeyManager(String what) {
        if (!user.role().managesKeys()) {
            throw ApiException.forbidden("Only owners and admins can " + what + "; you are signed in as a "
                    + user.role().id() + ".");
        }
    }

    void requireUserManager() {
        if (!user.role().managesUsers()) {
            throw ApiException.forbidden("Only owners can manage the team; you are signed in as a "
                    + user.role().id() + ".");
        }
    }

    void requireTest(String what) {
        if (env != Environment.TEST) {
            throw new ApiException(404, "test_mode_only", what + " exist only in test mode.");
        }
    }

    void requireLive(String what) {
        if (env != Environment.LIVE) {
            throw new ApiException(404, "live_mode_only", what + " only applies in live mode.");
        }
    }
}
