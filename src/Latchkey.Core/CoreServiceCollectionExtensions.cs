using Latchkey.Core.Account;
using Latchkey.Core.Admin;
using Latchkey.Core.ApiKeys;
using Latchkey.Core.Audit;
using Latchkey.Core.Authentication;
using Latchkey.Core.Challenges;
using Latchkey.Core.Cluster;
using Latchkey.Core.Common;
using Latchkey.Core.Credentials;
using Latchkey.Core.Mfa;
using Latchkey.Core.Passkeys;
using Latchkey.Core.Licensing;
using Latchkey.Core.Messaging;
using Latchkey.Core.OAuth;
using Latchkey.Core.Scim;
using Latchkey.Core.Sessions;
using Latchkey.Core.Social;
using Latchkey.Core.Tokens;
using Latchkey.Core.Users;
using Latchkey.Core.Verification;
using Latchkey.Core.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Latchkey.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The domain services and their options (validated at start: a bad setting stops the server).</summary>
    public static IServiceCollection AddLatchkeyCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        Bind<LatchkeyOptions>(services, configuration, "Latchkey");
        Bind<SessionOptions>(services, configuration, "Latchkey:Sessions");
        Bind<TokenOptions>(services, configuration, "Latchkey:Tokens");
        Bind<LockoutOptions>(services, configuration, "Latchkey:Lockout");
        Bind<AdminOptions>(services, configuration, "Latchkey:Admin");
        Bind<TwoFactorOptions>(services, configuration, "Latchkey:TwoFactor");
        Bind<StepUpOptions>(services, configuration, "Latchkey:StepUp");
        Bind<Admin.Impersonation.ImpersonationOptions>(services, configuration, "Latchkey:Impersonation");
        Bind<PasskeyOptions>(services, configuration, "Latchkey:Passkeys");
        Bind<UserDefaultsOptions>(services, configuration, "Latchkey:Users");
        Bind<HasuraJwtOptions>(services, configuration, "Latchkey:Nhost:Jwt");
        Bind<VerificationOptions>(services, configuration, "Latchkey:Verification");
        Bind<SignUpOptions>(services, configuration, "Latchkey:SignUp");
        Bind<OAuthOptions>(services, configuration, "Latchkey:OAuth");
        Bind<OAuth.BackChannel.BackChannelLogoutOptions>(services, configuration, "Latchkey:BackChannelLogout");
        Bind<ApiKeyOptions>(services, configuration, "Latchkey:ApiKeys");
        Bind<Licensing.LicensingOptions>(services, configuration, "Latchkey:Licensing");
        Bind<Settings.BrandingOptions>(services, configuration, "Latchkey:Branding");
        services.AddLatchkeyPasswords(configuration);
        services.AddLatchkeyMessaging(configuration);
        services.AddMemoryCache();
        services.AddLatchkeySocial(configuration);
        services.AddLatchkeyAdmin();
        Bind<Cluster.ClusterOptions>(services, configuration, "Latchkey:Cluster");
        services.AddLatchkeyScim(configuration);
        services.AddLatchkeyAccount(configuration);
        services.AddLatchkeyWebhooks(configuration);

        services.AddSingleton<ServerSecrets>();
        services.AddSingleton<SigningKeyRing>();
        // The Nhost surface's tokens get their own signing purpose (own key or shared HS256 secret).
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<HasuraJwtOptions>>().Value.ToPurpose());
        services.AddSingleton<HasuraAccessTokenFormat>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<LatchkeyMetrics>();
        Bind<Common.Backlog.BacklogOptions>(services, configuration, "Latchkey:Backlog");
        services.AddSingleton<Common.Backlog.BacklogMonitor>();
        services.AddSingleton<Common.Backlog.BacklogGauges>();
        services.AddSingleton<AccessTokenValidator>();
        services.AddSingleton<AccessTokenRevocationList>();
        services.AddSingleton<SessionStateCache>();
        services.AddSingleton<DatabaseWriteRefusals>();
        services.AddSingleton<Lockout>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<AccountMailQueue>();
        services.AddHostedService<AccountMailWorker>();
        services.AddSingleton<SignUpPolicy>();
        services.AddSingleton<RedirectPolicy>();

        services.AddScoped<ActivityLog>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<Users.Import.UserImportService>();
        services.AddScoped<Users.Import.UserExportService>();
        services.AddScoped<Tokens.SigningKeyRotation>();
        services.AddScoped<BootstrapAdmin>();
        services.AddScoped<SessionIssuer>();
        services.AddScoped<PasswordSignInService>();
        services.AddScoped<RefreshTokenService>();
        services.AddScoped<SessionService>();
        services.AddScoped<PasswordChangeService>();
        services.AddLicensing();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<ApiKeyRevocation>();
        services.AddScoped<SessionStarter>();
        services.AddScoped<AnonymousSignInService>();
        services.AddScoped<DeanonymizeService>();
        services.AddScoped<ApiKeySignInService>();
        services.AddScoped<CallerAuthenticator>();
        services.AddScoped<TicketService>();
        services.AddScoped<VerificationMessages>();
        services.AddScoped<EmailVerificationService>();
        services.AddScoped<PasswordResetService>();
        services.AddScoped<EmailChangeService>();
        services.AddScoped<PasswordlessRequestService>();
        services.AddScoped<PasswordlessSignInService>();
        services.AddScoped<PhoneVerificationService>();
        services.AddSingleton<SessionCookie>();
        services.AddLatchkeyOAuth();
        services.AddSecondFactors();
        services.AddLatchkeyCluster();
        return services;
    }

    private static IServiceCollection AddSecondFactors(this IServiceCollection services)
    {
        services.AddSingleton<TotpSecrets>();
        services.AddScoped<ChallengeTickets>();
        services.AddSingleton<ExpiredChallengeSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<ExpiredChallengeSweeper>());
        services.AddScoped<StepUp>();
        services.AddScoped<PasswordConfirmation>();
        services.AddScoped<FactorChangeFollowUp>();
        services.AddScoped<TwoFactorCodeVerifier>();
        services.AddScoped<TwoFactorCodeSender>();
        services.AddScoped<TwoFactorLoginService>();
        services.AddScoped<TwoFactorSetupService>();
        services.AddScoped<TwoFactorManagementService>();
        services.AddScoped<RecoveryCodeService>();
        services.AddScoped<ElevationService>();

        // Identity's passkey handler over our own stores (docs/decisions.md #1): a minimal UserManager.
        services.AddSingleton<IConfigureOptions<Microsoft.AspNetCore.Identity.IdentityPasskeyOptions>, PasskeyHandlerSetup>();
        services.AddScoped<IdentityUserAdapter>();
        services.AddScoped<PasskeyUserManager>();
        services.AddScoped<Microsoft.AspNetCore.Identity.IPasskeyHandler<User>>(provider =>
            new Microsoft.AspNetCore.Identity.PasskeyHandler<User>(provider.GetRequiredService<PasskeyUserManager>(),
                provider.GetRequiredService<IOptions<Microsoft.AspNetCore.Identity.IdentityPasskeyOptions>>()));
        services.AddScoped<PasskeyCeremonies>();
        services.AddScoped<PasskeyService>();
        services.AddScoped<PasskeySignUpService>();
        return services;
    }

    private static void Bind<T>(IServiceCollection services, IConfiguration configuration, string section) where T : class =>
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
}
