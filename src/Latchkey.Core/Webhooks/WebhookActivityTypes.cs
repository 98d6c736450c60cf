namespace Latchkey.Core.Webhooks;

/// <summary>Activity rows about webhooks themselves (administration and automatic disabling); they raise no webhook event.</summary>
public static class WebhookActivityTypes
{
    public const string Created = "webhook.created";
    public const string Updated = "webhook.updated";
    public const string Deleted = "webhook.deleted";
    public const string SecretRotated = "webhook.secret_rotated";
    public const string Tested = "webhook.tested";
    public const string Redelivered = "webhook.redelivered";
    public const string Disabled = "webhook.disabled";
}
