using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhotoGallery.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AiModels",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Hash = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Base = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Type = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    Format = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    Variant = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: true),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    IsAvailable = table.Column<bool>(type: "boolean", nullable: false),
                    IsFavorite = table.Column<bool>(type: "boolean", nullable: false),
                    LastUsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CachedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DefaultSettings = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AiModels", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "AppSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    BackendMode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    LocalUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RemoteUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RunPodApiKeyProtected = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RunPodGpuType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    InvokeAiTokenProtected = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    IdleTimeoutMinutes = table.Column<int>(type: "integer", nullable: true),
                    RetrievalMaxAttempts = table.Column<int>(type: "integer", nullable: true),
                    OwnerPasswordHash = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Photos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OriginalFileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    StoredPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ThumbnailPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    PreviewPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    ByteSize = table.Column<long>(type: "bigint", nullable: false),
                    MimeType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CameraMake = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    CameraModel = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Orientation = table.Column<int>(type: "integer", nullable: true),
                    TakenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SortKey = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IsGenerated = table.Column<bool>(type: "boolean", nullable: false),
                    GenerationPrompt = table.Column<string>(type: "text", nullable: true),
                    GenerationNegativePrompt = table.Column<string>(type: "text", nullable: true),
                    SourcePhotoId = table.Column<Guid>(type: "uuid", nullable: true),
                    GenerationStepId = table.Column<Guid>(type: "uuid", nullable: true),
                    InvokeAiImageName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ModelKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ModelHash = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ModelName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RetrievalStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    RetrievalAttempts = table.Column<int>(type: "integer", nullable: false),
                    LastRetrievalAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastRetrievalError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    GenerationParameters = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Photos", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PodSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PodId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    GpuType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    HourlyPrice = table.Column<decimal>(type: "numeric(10,4)", precision: 10, scale: 4, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StoppedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    StopReason = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Cost = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PodSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Albums",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CoverPhotoId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Albums", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Albums_Photos_CoverPhotoId",
                        column: x => x.CoverPhotoId,
                        principalTable: "Photos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "GenerationSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SourcePhotoId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinalPhotoId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GenerationSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GenerationSessions_Photos_SourcePhotoId",
                        column: x => x.SourcePhotoId,
                        principalTable: "Photos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "AlbumPhotos",
                columns: table => new
                {
                    AlbumId = table.Column<Guid>(type: "uuid", nullable: false),
                    PhotoId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlbumPhotos", x => new { x.AlbumId, x.PhotoId });
                    table.ForeignKey(
                        name: "FK_AlbumPhotos_Albums_AlbumId",
                        column: x => x.AlbumId,
                        principalTable: "Albums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AlbumPhotos_Photos_PhotoId",
                        column: x => x.PhotoId,
                        principalTable: "Photos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ShareLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AlbumId = table.Column<Guid>(type: "uuid", nullable: true),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PasswordHash = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ShowMetadata = table.Column<bool>(type: "boolean", nullable: false),
                    AllowDownload = table.Column<bool>(type: "boolean", nullable: false),
                    ViewCount = table.Column<int>(type: "integer", nullable: false),
                    LastViewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShareLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShareLinks_Albums_AlbumId",
                        column: x => x.AlbumId,
                        principalTable: "Albums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GenerationSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParentStepId = table.Column<Guid>(type: "uuid", nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Prompt = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    NegativePrompt = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ModelKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ModelHash = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ModelName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    BatchSize = table.Column<int>(type: "integer", nullable: false),
                    SourcePhotoId = table.Column<Guid>(type: "uuid", nullable: true),
                    InvokeAiBatchId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    QueueItemIds = table.Column<List<int>>(type: "integer[]", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RetrievedCount = table.Column<int>(type: "integer", nullable: false),
                    FailedCount = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Parameters = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GenerationSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GenerationSteps_GenerationSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "GenerationSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GenerationSteps_GenerationSteps_ParentStepId",
                        column: x => x.ParentStepId,
                        principalTable: "GenerationSteps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ShareLinkPhotos",
                columns: table => new
                {
                    ShareLinkId = table.Column<Guid>(type: "uuid", nullable: false),
                    PhotoId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShareLinkPhotos", x => new { x.ShareLinkId, x.PhotoId });
                    table.ForeignKey(
                        name: "FK_ShareLinkPhotos_Photos_PhotoId",
                        column: x => x.PhotoId,
                        principalTable: "Photos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ShareLinkPhotos_ShareLinks_ShareLinkId",
                        column: x => x.ShareLinkId,
                        principalTable: "ShareLinks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StepAlternatives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StepId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Seed = table.Column<long>(type: "bigint", nullable: false),
                    QueueItemId = table.Column<int>(type: "integer", nullable: true),
                    PhotoId = table.Column<Guid>(type: "uuid", nullable: true),
                    Selected = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StepAlternatives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StepAlternatives_GenerationSteps_StepId",
                        column: x => x.StepId,
                        principalTable: "GenerationSteps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StepAlternatives_Photos_PhotoId",
                        column: x => x.PhotoId,
                        principalTable: "Photos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AiModels_IsFavorite_Name",
                table: "AiModels",
                columns: new[] { "IsFavorite", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_AiModels_Type_Base",
                table: "AiModels",
                columns: new[] { "Type", "Base" });

            migrationBuilder.CreateIndex(
                name: "IX_AlbumPhotos_AlbumId_Position",
                table: "AlbumPhotos",
                columns: new[] { "AlbumId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_AlbumPhotos_PhotoId",
                table: "AlbumPhotos",
                column: "PhotoId");

            migrationBuilder.CreateIndex(
                name: "IX_Albums_CoverPhotoId",
                table: "Albums",
                column: "CoverPhotoId");

            migrationBuilder.CreateIndex(
                name: "IX_Albums_Title",
                table: "Albums",
                column: "Title");

            migrationBuilder.CreateIndex(
                name: "IX_Albums_UpdatedAt",
                table: "Albums",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_GenerationSessions_SourcePhotoId",
                table: "GenerationSessions",
                column: "SourcePhotoId");

            migrationBuilder.CreateIndex(
                name: "IX_GenerationSessions_Status_UpdatedAt",
                table: "GenerationSessions",
                columns: new[] { "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_GenerationSteps_ParentStepId",
                table: "GenerationSteps",
                column: "ParentStepId");

            migrationBuilder.CreateIndex(
                name: "IX_GenerationSteps_SessionId_Position",
                table: "GenerationSteps",
                columns: new[] { "SessionId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GenerationSteps_Status",
                table: "GenerationSteps",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Photos_ContentHash",
                table: "Photos",
                column: "ContentHash");

            migrationBuilder.CreateIndex(
                name: "IX_Photos_GenerationStepId",
                table: "Photos",
                column: "GenerationStepId");

            migrationBuilder.CreateIndex(
                name: "IX_Photos_InvokeAiImageName",
                table: "Photos",
                column: "InvokeAiImageName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Photos_Library_CreatedAt",
                table: "Photos",
                columns: new[] { "CreatedAt", "Id" },
                descending: new bool[0],
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Photos_Library_Kind_SortKey",
                table: "Photos",
                columns: new[] { "IsGenerated", "SortKey", "Id" },
                descending: new[] { false, true, true },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Photos_Library_SortKey",
                table: "Photos",
                columns: new[] { "SortKey", "Id" },
                descending: new bool[0],
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Photos_RetrievalStatus",
                table: "Photos",
                column: "RetrievalStatus");

            migrationBuilder.CreateIndex(
                name: "IX_Photos_Trash",
                table: "Photos",
                column: "DeletedAt",
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PodSessions_StartedAt",
                table: "PodSessions",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ShareLinkPhotos_PhotoId",
                table: "ShareLinkPhotos",
                column: "PhotoId");

            migrationBuilder.CreateIndex(
                name: "IX_ShareLinks_AlbumId",
                table: "ShareLinks",
                column: "AlbumId");

            migrationBuilder.CreateIndex(
                name: "IX_ShareLinks_Token",
                table: "ShareLinks",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StepAlternatives_PhotoId",
                table: "StepAlternatives",
                column: "PhotoId");

            migrationBuilder.CreateIndex(
                name: "IX_StepAlternatives_StepId_Position",
                table: "StepAlternatives",
                columns: new[] { "StepId", "Position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AiModels");

            migrationBuilder.DropTable(
                name: "AlbumPhotos");

            migrationBuilder.DropTable(
                name: "AppSettings");

            migrationBuilder.DropTable(
                name: "PodSessions");

            migrationBuilder.DropTable(
                name: "ShareLinkPhotos");

            migrationBuilder.DropTable(
                name: "StepAlternatives");

            migrationBuilder.DropTable(
                name: "ShareLinks");

            migrationBuilder.DropTable(
                name: "GenerationSteps");

            migrationBuilder.DropTable(
                name: "Albums");

            migrationBuilder.DropTable(
                name: "GenerationSessions");

            migrationBuilder.DropTable(
                name: "Photos");
        }
    }
}
