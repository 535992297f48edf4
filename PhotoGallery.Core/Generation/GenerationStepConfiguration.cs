using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PhotoGallery.Core.Generation;

public sealed class GenerationStepConfiguration : IEntityTypeConfiguration<GenerationStep>
{
    public void Configure(EntityTypeBuilder<GenerationStep> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Prompt).HasMaxLength(4000);
        builder.Property(s => s.NegativePrompt).HasMaxLength(4000);
        builder.Property(s => s.ModelKey).HasMaxLength(100);
        builder.Property(s => s.ModelHash).HasMaxLength(200);
        builder.Property(s => s.ModelName).HasMaxLength(200);
        builder.Property(s => s.InvokeAiBatchId).HasMaxLength(100);
        builder.Property(s => s.Error).HasMaxLength(2000);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.ComplexProperty(s => s.Parameters, c => c.ToJson());
        builder.HasOne<GenerationStep>().WithMany().HasForeignKey(s => s.ParentStepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Alternatives).WithOne(a => a.Step).HasForeignKey(a => a.StepId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.SessionId, s.Position }).IsUnique();
        builder.HasIndex(s => s.Status);
    }
}
