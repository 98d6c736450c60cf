using Latchkey.Core.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Latchkey.Data.Configurations;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> subscription)
    {
        subscription.ToTable("webhook_subscriptions");
        subscription.HasKey(s => s.Id);
        subscription.Property(s => s.Url).HasMaxLength(WebhookDraftValidator.MaxUrlLength);
        subscription.Property(s => s.Description).HasMaxLength(WebhookDraftValidator.MaxDescriptionLength);
        subscription.Property(s => s.Events).HasMaxLength(2000);
        subscription.Property(s => s.DisabledReason).HasMaxLength(200);
        subscription.Ignore(s => s.EventList);
    }
}
