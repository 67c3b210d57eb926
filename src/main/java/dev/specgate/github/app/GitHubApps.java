package dev.specgate.github.app;

import java.util.regex.Pattern;
import dev.specgate.github.CallPolicy;
import dev.specgate.github.GitHubApi;
import dev.specgate.github.GitHubException;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kohsuke.github.authorization.AppInstallationAuthorizationProvider;
import org.kohsuke.github.authorization.AuthorizationProvider;

/**
 * The service's GitHub clients, one per installation, all signed in as the App: the library's
 * {@link AppInstallationAuthorizationProvider} mints the installation token with our {@link
 * AppJwt} (GitHub's PKCS#1 key, read by {@link PemPrivateKeys}, which the library's own JWT
 * provider rejects) and mints it again five minutes before it expires.
 */
public final class GitHubApps {
  private static final Pattern NUMERIC_ID = Pattern.compile("[0-9]{1,18}");
  private final URI apiBase;
  private final AppJwt jwt;
  private final CallPolicy policy;
  private final GitHubApi.Observer observer;
  private final Map<Long, GitHubApi> byInstallation = new ConcurrentHashMap<>();
  private volatile long ownAppId;

  public GitHubApps(URI apiBase, AppJwt jwt, CallPolicy policy, GitHubApi.Observer observer) {
    this.apiBase = apiBase;
    this.jwt = jwt;
    this.policy = policy;
    this.observer = observer;
  }

  /** The App itself (JWT): for App endpoints such as webhook deliveries ({@link GitHubApi#getPages}). */
  public GitHubApi app() {
    return GitHubApi.create(apiBase, appAuthorization(), policy, observer);
  }

  /**
   * A client for one installation, for one job: the connection and its token are kept per
   * installation, what a job reads is not.
   */
  public GitHubApi installation(long installationId) {
    long appId = ownAppId();
    return byInstallation.computeIfAbsent(installationId, id ->
        GitHubApi.create(apiBase, new InstallationAuthorization(id, appAuthorization()), policy, observer).ownedBy(appId)).fresh();
  }

  /**
   * The App's numeric id, which Check Runs carry ({@code app.id}): the configured id, or, when a
   * client id ({@code Iv…}) is configured, what {@code GET /app} says (asked once).
   */
  private long ownAppId() {
    long id = ownAppId;
    if (id != 0) return id;
    id = NUMERIC_ID.matcher(jwt.appId()).matches() ? Long.parseLong(jwt.appId()) : app().authenticatedAppId();
    ownAppId = id;
    return id;
  }

  /** Drops an installation's client, e.g. after GitHub refused its token (401). */
  public void forget(long installationId) {
    byInstallation.remove(installationId);
  }

  private AuthorizationProvider appAuthorization() {
    return () -> "Bearer " + jwt.token();
  }

  /** The library's provider, with failures naming the installation. */
  private static final class InstallationAuthorization extends AppInstallationAuthorizationProvider {
    private final long installationId;

    InstallationAuthorization(long installationId, AuthorizationProvider app) {
      super(ghApp -> ghApp.getInstallationById(installationId), app);
      this.installationId = installationId;
    }

    @Override
    public String getEncodedAuthorization() throws IOException {
      try {
        return super.getEncodedAuthorization();
      } catch (IOException | RuntimeException e) {
        // thrown as is through the library's request, so the failure names the installation
        throw GitHubException.of("POST /app/installations/" + installationId + "/access_tokens (the token for installation "
            + installationId + ")", e);
      }
    }
  }
}
