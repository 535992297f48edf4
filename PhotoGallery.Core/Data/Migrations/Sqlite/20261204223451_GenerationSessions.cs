using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhotoGallery.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GenerationSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FailedCount",
                table: "GenerationSteps");

            migrationBuilder.DropColumn(
                name: "RetrievedCount",
                table: "GenerationSteps");

            migrationBuilder.AddColumn<string>(
                name: "Error",
                table: "StepAlternatives",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FinishedAt",
                table: "StepAlternatives",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImageName",
                table: "StepAlternatives",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextRetrievalAt",
                table: "StepAlternatives",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RetrievalAttempts",
                table: "StepAlternatives",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "StartedAt",
                table: "StepAlternatives",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "StepAlternatives",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "GenerationFinishedAt",
                table: "Photos",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "GenerationStartedAt",
                table: "Photos",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvokeAiMetadata",
                table: "Photos",
                type: "TEXT",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LinkedPaths",
                table: "Photos",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "BackendUrl",
                table: "GenerationSteps",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ParentAlternativeId",
                table: "GenerationSteps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WaitingReason",
                table: "GenerationSteps",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WaitingSince",
                table: "GenerationSteps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SourceUploads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PhotoId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServerUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    ImageName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceUploads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SourceUploads_Photos_PhotoId",
                        column: x => x.PhotoId,
                        principalTable: "Photos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StepAlternatives_Status_NextRetrievalAt",
                table: "StepAlternatives",
                columns: new[] { "Status", "NextRetrievalAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Photos_SourcePhotoId",
                table: "Photos",
                column: "SourcePhotoId");

            migrationBuilder.CreateIndex(
                name: "IX_GenerationSteps_ParentAlternativeId",
                table: "GenerationSteps",
                column: "ParentAlternativeId");

            migrationBuilder.CreateIndex(
                name: "IX_GenerationSteps_SourcePhotoId",
                table: "GenerationSteps",
                column: "SourcePhotoId");

            migrationBuilder.CreateIndex(
                name: "IX_GenerationSessions_FinalPhotoId",
                table: "GenerationSessions",
                column: "FinalPhotoId");

            migrationBuilder.CreateIndex(
                name: "IX_SourceUploads_PhotoId_ServerUrl_Width_Height",
                table: "SourceUploads",
                columns: new[] { "PhotoId", "ServerUrl", "Width", "Height" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_GenerationSessions_Photos_FinalPhotoId",
                table: "GenerationSessions",
                column: "FinalPhotoId",
                principalTable: "Photos",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_GenerationSteps_Photos_SourcePhotoId",
                table: "GenerationSteps",
                column: "SourcePhotoId",
                principalTable: "Photos",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_GenerationSteps_StepAlternatives_ParentAlternativeId",
                table: "GenerationSteps",
                column: "ParentAlternativeId",
                principalTable: "StepAlternatives",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_GenerationSessions_Photos_FinalPhotoId",
                table: "GenerationSessions");

            migrationBuilder.DropForeignKey(
                name: "FK_GenerationSteps_Photos_SourcePhotoId",
                table: "GenerationSteps");

            migrationBuilder.DropForeignKey(
                name: "FK_GenerationSteps_StepAlternatives_ParentAlternativeId",
                table: "GenerationSteps");

            migrationBuilder.DropTable(
                name: "SourceUploads");

            migrationBuilder.DropIndex(
                name: "IX_StepAlternatives_Status_NextRetrievalAt",
                table: "StepAlternatives");

            migrationBuilder.DropIndex(
                name: "IX_Photos_SourcePhotoId",
                table: "Photos");

            migrationBuilder.DropIndex(
                name: "IX_GenerationSteps_ParentAlternativeId",
                table: "GenerationSteps");

            migrationBuilder.DropIndex(
                name: "IX_GenerationSteps_SourcePhotoId",
                table: "GenerationSteps");

            migrationBuilder.DropIndex(
                name: "IX_GenerationSessions_FinalPhotoId",
                table: "GenerationSessions");

            migrationBuilder.DropColumn(
                name: "Error",
                table: "StepAlternatives");

            migrationBuilder.DropColumn(
                name: "FinishedAt",
                table: "StepAlternatives");

            migrationBuilder.DropColumn(
                name: "ImageName",
                table: "StepAlternatives");

            migrationBuilder.DropColumn(
                name: "NextRetrievalAt",
                table: "StepAlternatives");

            migrationBuilder.DropColumn(
                name: "RetrievalAttempts",
                table: "StepAlternatives");

            migrationBuilder.DropColumn(
                name: "StartedAt",
                table: "StepAlternatives");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "StepAlternatives");

            migrationBuilder.DropColumn(
                name: "GenerationFinishedAt",
                table: "Photos");

            migrationBuilder.DropColumn(
                name: "GenerationStartedAt",
                table: "Photos");

            migrationBuilder.DropColumn(
                name: "InvokeAiMetadata",
                table: "Photos");

            migrationBuilder.DropColumn(
                name: "LinkedPaths",
                table: "Photos");

            migrationBuilder.DropColumn(
                name: "BackendUrl",
                table: "GenerationSteps");

            migrationBuilder.DropColumn(
                name: "ParentAlternativeId",
                table: "GenerationSteps");

            migrationBuilder.DropColumn(
                name: "WaitingReason",
                table: "GenerationSteps");

            migrationBuilder.DropColumn(
                name: "WaitingSince",
                table: "GenerationSteps");

            migrationBuilder.AddColumn<int>(
                name: "FailedCount",
                table: "GenerationSteps",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RetrievedCount",
                table: "GenerationSteps",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }
    }
}
