using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace MotCua.Web.Modules.Notifications.Templates;

/// <summary>The province's own wording of one notification, replacing the default (Liquid, see <see cref="TemplateCatalog"/>).</summary>
public sealed class NotificationTemplate
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 2000;

    /// <summary>"received", "supplement-requested", … (<see cref="TemplateCatalog.Entries"/>).</summary>
    public string Key { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;
    public string Body { get; set; } = string.Empty;
    public Instant UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = string.Empty;
}

internal sealed class NotificationTemplateMapping : IEntityTypeConfiguration<NotificationTemplate>
{
    public void Configure(EntityTypeBuilder<NotificationTemplate> b)
    {
        b.ToTable("notification_templates");
        b.HasKey(t => t.Key);
        b.Property(t => t.Key).HasMaxLength(40);
        b.Property(t => t.Title).HasMaxLength(NotificationTemplate.TitleMaxLength);
        b.Property(t => t.Body).HasMaxLength(NotificationTemplate.BodyMaxLength);
        b.Property(t => t.UpdatedBy).HasMaxLength(256);
    }
}
