using Latchkey.Core.Scim;
using Latchkey.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Latchkey.Data.Configurations;

internal sealed class ScimUserProfileConfiguration : IEntityTypeConfiguration<ScimUserProfile>
{
    public void Configure(EntityTypeBuilder<ScimUserProfile> profile)
    {
        profile.ToTable("scim_user_profiles");
        profile.HasKey(p => p.UserId);
        profile.HasOne<User>().WithOne().HasForeignKey<ScimUserProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        foreach (var property in profile.Metadata.GetProperties().Where(p => p.ClrType == typeof(string)))
            property.SetMaxLength(ScimUserProfile.MaxLength);
        // Identity providers look accounts up by their own id before creating one.
        profile.HasIndex(p => p.ExternalId).IsUnique();
    }
}
