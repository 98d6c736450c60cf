using Latchkey.Core.Scim;
using Latchkey.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Latchkey.Data.Configurations;

internal sealed class ScimGroupConfiguration : IEntityTypeConfiguration<ScimGroup>
{
    public void Configure(EntityTypeBuilder<ScimGroup> group)
    {
        group.ToTable("scim_groups");
        group.HasKey(g => g.Id);
        group.Property(g => g.DisplayName).HasMaxLength(ScimGroup.MaxDisplayNameLength);
        group.Property(g => g.NormalizedDisplayName).HasMaxLength(ScimGroup.MaxDisplayNameLength);
        group.HasIndex(g => g.NormalizedDisplayName).IsUnique();
        group.Property(g => g.ExternalId).HasMaxLength(ScimUserProfile.MaxLength);
        group.HasIndex(g => g.ExternalId);
        group.Property(g => g.Roles).HasMaxLength(GroupRoles.MaxPerGroup * (UserRoles.MaxRoleLength + 1));
    }
}

internal sealed class ScimGroupMemberConfiguration : IEntityTypeConfiguration<ScimGroupMember>
{
    public void Configure(EntityTypeBuilder<ScimGroupMember> member)
    {
        member.ToTable("scim_group_members");
        member.HasKey(m => new { m.GroupId, m.UserId });
        member.HasOne<ScimGroup>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        member.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        // A user's groups attribute, and the cascade when an account is deleted.
        member.HasIndex(m => m.UserId);
    }
}
