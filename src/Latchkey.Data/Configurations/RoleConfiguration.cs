using Latchkey.Core.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Latchkey.Data.Configurations;

internal sealed class RoleConfiguration : IEntityTypeConfiguration<Role>
{
    public void Configure(EntityTypeBuilder<Role> role)
    {
        // Custom roles only; the built-in ones are defined in code (BuiltInRoles).
        role.ToTable("roles");
        role.HasKey(r => r.Name);
        role.Property(r => r.Name).HasMaxLength(32);
        role.Property(r => r.Description).HasMaxLength(RoleDraftValidator.MaxDescriptionLength);
        role.Property(r => r.Permissions).HasMaxLength(1000);
        role.Ignore(r => r.PermissionList);
    }
}
