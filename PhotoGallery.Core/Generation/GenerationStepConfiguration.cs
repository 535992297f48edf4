using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhotoGallery.Core.Photos;

namespace PhotoGallery.Core.Generation;

public sealed class GenerationStepConfiguration : IEntityTypeConfiguration<GenerationStep>
{
    public void Configure(EntityTypeBuilder<GenerationStep> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Prompt).HasMaxLength(GenerationStep.MaxPromptLength);
        builder.Property(s => s.NegativePrompt).HasMaxLength(GenerationStep.MaxPromptLength);
        builder.Property(s => s.ModelKey).HasMaxLength(100);
        builder.Property(s => s.ModelHash).HasMaxLength(200);
        builder.Property(s => s.ModelName).HasMaxLength(200);
        builder.Property(s => s.BackendUrl).HasMaxLength(500);
        builder.Property(s => s.InvokeAiBatchId).HasMaxLength(100);
        builder.Property(s => s.Error).HasMaxLength(2000);
        builder.Property(s => s.WaitingReason).HasMaxLength(1000);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.ComplexProperty(s => s.Parameters, c => c.ToJson());
        builder.HasOne<GenerationStep>().WithMany().HasForeignKey(s => s.ParentStepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StepAlternative>().WithMany().HasForeignKey(s => s.ParentAlternativeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Photo>().WithMany().HasForeignKey(s => s.SourcePhotoId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(s => s.Alternatives).WithOne(a => a.Step).HasForeignKey(a => a.StepId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.SessionId, s.Position }).IsUnique();
        builder.HasIndex(s => s.Status);
    }
}
