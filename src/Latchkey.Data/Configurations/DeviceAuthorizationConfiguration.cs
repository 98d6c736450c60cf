using Latchkey.Core.OAuth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Latchkey.Data.Configurations;

internal sealed class DeviceAuthorizationConfiguration : IEntityTypeConfiguration<DeviceAuthorization>
{
    public void Configure(EntityTypeBuilder<DeviceAuthorization> device)
    {
        device.ToTable("oauth_device_authorizations");
        device.HasKey(d => d.Id);
        device.HasIndex(d => d.DeviceCodeHash).IsUnique();
        device.HasIndex(d => d.UserCodeHash).IsUnique();
        device.HasOne<OAuthClient>().WithMany().HasForeignKey(d => d.ClientRowId).OnDelete(DeleteBehavior.Cascade);
        device.Property(d => d.Scope).HasMaxLength(1000);
        device.Property(d => d.Status).HasMaxLength(16);
    }
}
