# Installation layout and CPack packages. Included once from the top CMakeLists.txt.
#   Linux:   DEB, RPM (when rpmbuild is installed) and TGZ  -> built and tested here
#            (scripts/package-test.sh).
#   Windows: NSIS and WiX; macOS: DragNDrop                 -> configured, not built on this
#            platform (packaging/README.md).
include(GNUInstallDirs)

set(OPS_APP_ID org.example.OpsConsole)
set(OPS_PACKAGING_DIR ${PROJECT_SOURCE_DIR}/packaging)
set(OPS_PACKAGING_BINARY_DIR ${PROJECT_BINARY_DIR}/packaging)
set(OPS_ICON_DIR ${PROJECT_SOURCE_DIR}/resources/icons)
set(OPS_ICON_SIZES 16 32 48 64 128 256)
set(OPS_PACKAGE_RELEASE 1) # the Debian revision / RPM release of this version
set(OPS_HOMEPAGE https://example.org/ops-console)

# Directories CMake creates while installing: 0755 whatever the umask (lintian non-standard-dir-perm).
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

# ---------------------------------------------------------------------------------------------
# Files besides the executable (app/CMakeLists.txt installs that).
if(UNIX AND NOT APPLE)
    # The manual page and the Debian changelog are installed gzipped, without a name or
    # timestamp in the gzip header (gzip -n), so that the packages are reproducible.
    find_program(OPS_GZIP gzip REQUIRED)
    configure_file(${OPS_PACKAGING_DIR}/ops-console.1 ${OPS_PACKAGING_BINARY_DIR}/ops-console.1 @ONLY)
    add_custom_command(
        OUTPUT ${OPS_PACKAGING_BINARY_DIR}/ops-console.1.gz
        COMMAND ${OPS_GZIP} -n -9 -c ${OPS_PACKAGING_BINARY_DIR}/ops-console.1 > ops-console.1.gz
        DEPENDS ${OPS_PACKAGING_BINARY_DIR}/ops-console.1
        WORKING_DIRECTORY ${OPS_PACKAGING_BINARY_DIR}
        COMMENT "Compressing the manual page")
    add_custom_command(
        OUTPUT ${OPS_PACKAGING_BINARY_DIR}/changelog.Debian.gz
        COMMAND ${OPS_GZIP} -n -9 -c ${OPS_PACKAGING_DIR}/changelog > changelog.Debian.gz
        DEPENDS ${OPS_PACKAGING_DIR}/changelog
        WORKING_DIRECTORY ${OPS_PACKAGING_BINARY_DIR}
        COMMENT "Compressing the Debian changelog")
    add_custom_target(ops-console-package-files ALL
        DEPENDS ${OPS_PACKAGING_BINARY_DIR}/ops-console.1.gz ${OPS_PACKAGING_BINARY_DIR}/changelog.Debian.gz)

    # The changelog's newest entry must name the version being packaged.
    file(STRINGS ${OPS_PACKAGING_DIR}/changelog OPS_CHANGELOG_TOP LIMIT_COUNT 1)
    if(NOT OPS_CHANGELOG_TOP MATCHES "^ops-console \\(${PROJECT_VERSION}-${OPS_PACKAGE_RELEASE}\\) ")
        message(WARNING "packaging/changelog: the newest entry is not ${PROJECT_VERSION}-${OPS_PACKAGE_RELEASE} "
                        "(\"${OPS_CHANGELOG_TOP}\"); add an entry for this version (lintian will complain)")
    endif()

    # Full RELRO for the installed executable (lintian hardening-no-bindnow); link-time only.
    target_link_options(ops-console PRIVATE LINKER:-z,relro LINKER:-z,now)

    install(FILES ${OPS_PACKAGING_DIR}/${OPS_APP_ID}.desktop
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${OPS_PACKAGING_DIR}/${OPS_APP_ID}.metainfo.xml
            DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES ${OPS_ICON_DIR}/ops-console.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME ${OPS_APP_ID}.svg)
    foreach(size IN LISTS OPS_ICON_SIZES)
        install(FILES ${OPS_ICON_DIR}/ops-console-${size}.png
                DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps RENAME ${OPS_APP_ID}.png)
    endforeach()
    install(FILES ${OPS_PACKAGING_BINARY_DIR}/ops-console.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
    install(FILES ${OPS_PACKAGING_DIR}/copyright ${OPS_PACKAGING_BINARY_DIR}/changelog.Debian.gz
            DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/ops-console)
    # Each override in it carries its reason (packaging/README.md).
    install(FILES ${OPS_PACKAGING_DIR}/lintian-overrides
            DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides RENAME ops-console)
endif()

# ---------------------------------------------------------------------------------------------
# CPack: what every generator shares.
set(CPACK_PACKAGE_NAME ops-console)
set(CPACK_PACKAGE_VENDOR "Ops Console maintainers")
set(CPACK_PACKAGE_CONTACT "Ops Console maintainers <ops-console@example.org>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_HOMEPAGE_URL ${OPS_HOMEPAGE})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "desktop console for operators of trading platforms")
set(CPACK_PACKAGE_DESCRIPTION [=[
Ops Console is the desktop console operators of trading and risk platforms
keep open all day: a System Health dashboard with a tile per platform
service (plus Redis and PostgreSQL) that never shows old data as healthy,
the circuit breaker and kill switch with confirmations that cannot act
twice, API keys, the platform configuration with previews and conflict
handling, and the audit log with integrity verification and CSV export.

"ops-console --check" runs one health check without a window, for cron jobs
and runbooks. Sign-in tokens are kept in the desktop keychain only.]=])
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Ops Console")
set(CPACK_PACKAGE_EXECUTABLES ops-console "Ops Console")
set(CPACK_PACKAGE_FILE_NAME ops-console-${PROJECT_VERSION}-${CMAKE_SYSTEM_NAME}-${CMAKE_SYSTEM_PROCESSOR})
set(CPACK_PACKAGE_CHECKSUM SHA256)
set(CPACK_STRIP_FILES ON)
set(CPACK_VERBATIM_VARIABLES ON)

# Debian (.deb): shlibdeps finds the shared libraries; what Qt loads at run time it cannot see.
set(CPACK_DEBIAN_PACKAGE_NAME ops-console)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${OPS_PACKAGE_RELEASE})
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${OPS_HOMEPAGE})
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# libqt6sql6-psql: the QPSQL driver (System Health's PostgreSQL tile, the audit log).
# qt6-qpa-plugins: the extra platform plugins (vnc) and input plugins; xcb and offscreen come
#   with libqt6gui6, which shlibdeps finds.
# libqt6svg6: the SVG icon engine and image plugin (the SVG window icon).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-psql, qt6-qpa-plugins, libqt6svg6")
# gnome-keyring: a Secret Service keychain for remembered sign-ins and the PostgreSQL password
#   (without one they are kept in memory for one run). Another Secret Service provider works too.
# qt6-wayland: the native Wayland platform plugin (without it Qt uses xcb through XWayland).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring, qt6-wayland")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

# RPM (.rpm): built here but not installed here; the names are Fedora's.
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_RELEASE ${OPS_PACKAGE_RELEASE})
set(CPACK_RPM_PACKAGE_LICENSE "LicenseRef-proprietary")
set(CPACK_RPM_PACKAGE_GROUP "Applications/System")
set(CPACK_RPM_PACKAGE_URL ${OPS_HOMEPAGE})
set(CPACK_RPM_PACKAGE_SUMMARY "Desktop console for operators of trading platforms")
set(CPACK_RPM_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_RPM_PACKAGE_AUTOREQPROV ON)
set(CPACK_RPM_PACKAGE_REQUIRES "qt6-qtbase-postgresql, qt6-qtsvg")
# No weak dependencies (Suggests: gnome-keyring, qt6-qtwayland): CMake 3.25 probes for them with
# `rpm --suggests`, which fails with Debian's rpm, and then drops the tag with a warning.
set(CPACK_RPM_COMPRESSION_TYPE xz)
# Do not claim the shared directories the files go into.
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
    /usr/share/applications /usr/share/metainfo /usr/share/icons /usr/share/icons/hicolor
    /usr/share/icons/hicolor/scalable /usr/share/icons/hicolor/scalable/apps
    /usr/share/man /usr/share/man/man1 /usr/share/lintian /usr/share/lintian/overrides)
foreach(size IN LISTS OPS_ICON_SIZES)
    list(APPEND CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
         /usr/share/icons/hicolor/${size}x${size} /usr/share/icons/hicolor/${size}x${size}/apps)
endforeach()

if(WIN32)
    # Windows: NSIS (.exe) and WiX (.msi). Not built on this platform; see packaging/README.md.
    set(CPACK_GENERATOR NSIS WIX)
    set_target_properties(ops-console PROPERTIES WIN32_EXECUTABLE ON)
    # WiX wants the licence as .txt or .rtf.
    configure_file(${OPS_PACKAGING_DIR}/copyright ${OPS_PACKAGING_BINARY_DIR}/LICENSE.txt COPYONLY)
    set(CPACK_RESOURCE_FILE_LICENSE ${OPS_PACKAGING_BINARY_DIR}/LICENSE.txt)
    set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "Ops Console")
    set(CPACK_NSIS_DISPLAY_NAME "Ops Console")
    set(CPACK_NSIS_PACKAGE_NAME "Ops Console")
    set(CPACK_NSIS_MUI_ICON ${OPS_ICON_DIR}/ops-console.ico)
    set(CPACK_NSIS_MUI_UNIICON ${OPS_ICON_DIR}/ops-console.ico)
    set(CPACK_NSIS_INSTALLED_ICON_NAME bin/ops-console.exe)
    set(CPACK_NSIS_URL_INFO_ABOUT ${OPS_HOMEPAGE})
    set(CPACK_NSIS_CONTACT "ops-console@example.org")
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    set(CPACK_NSIS_MODIFY_PATH OFF)
    # Never change the upgrade GUID: it is how a newer .msi finds and replaces an older one.
    set(CPACK_WIX_UPGRADE_GUID "6F1C5B0E-3A52-4D87-9E1B-2C4A7D9E0B13")
    set(CPACK_WIX_PRODUCT_ICON ${OPS_ICON_DIR}/ops-console.ico)
    set(CPACK_WIX_PROGRAM_MENU_FOLDER "Ops Console")
    set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT ${OPS_HOMEPAGE})
elseif(APPLE)
    # macOS: a drag-and-drop .dmg with ops-console.app. Not built on this platform.
    set(CPACK_GENERATOR DragNDrop)
    set(CPACK_DMG_VOLUME_NAME "Ops Console")
    set(CPACK_DMG_FORMAT UDZO)
    set_target_properties(ops-console PROPERTIES
        MACOSX_BUNDLE ON
        MACOSX_BUNDLE_BUNDLE_NAME "Ops Console"
        MACOSX_BUNDLE_GUI_IDENTIFIER ${OPS_APP_ID}
        MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
        MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
        MACOSX_BUNDLE_ICON_FILE ops-console.icns)
    # The .icns is made from the committed PNGs with the system's iconutil.
    find_program(OPS_ICONUTIL iconutil)
    if(OPS_ICONUTIL)
        set(iconset ${OPS_PACKAGING_BINARY_DIR}/ops-console.iconset)
        file(MAKE_DIRECTORY ${iconset})
        foreach(pair 16:16x16 32:16x16@2x 32:32x32 64:32x32@2x 128:128x128 256:128x128@2x 256:256x256)
            string(REPLACE ":" ";" pair ${pair})
            list(GET pair 0 px)
            list(GET pair 1 name)
            configure_file(${OPS_ICON_DIR}/ops-console-${px}.png ${iconset}/icon_${name}.png COPYONLY)
        endforeach()
        execute_process(COMMAND ${OPS_ICONUTIL} -c icns -o ${OPS_PACKAGING_BINARY_DIR}/ops-console.icns ${iconset}
                        COMMAND_ERROR_IS_FATAL ANY)
        target_sources(ops-console PRIVATE ${OPS_PACKAGING_BINARY_DIR}/ops-console.icns)
        set_source_files_properties(${OPS_PACKAGING_BINARY_DIR}/ops-console.icns TARGET_DIRECTORY ops-console
                                    PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
    endif()
else()
    find_program(OPS_RPMBUILD rpmbuild)
    set(CPACK_GENERATOR DEB TGZ)
    if(OPS_RPMBUILD)
        list(APPEND CPACK_GENERATOR RPM)
    endif()
endif()

# Windows and macOS: copy the Qt libraries and plugins next to the executable / into the bundle.
if((WIN32 OR APPLE) AND COMMAND qt_generate_deploy_app_script)
    # Qt 6.4 spelling (technical preview): FILENAME_VARIABLE, renamed OUTPUT_SCRIPT in Qt 6.5.
    qt_generate_deploy_app_script(TARGET ops-console FILENAME_VARIABLE ops_deploy_script
                                  NO_UNSUPPORTED_PLATFORM_ERROR)
    install(SCRIPT ${ops_deploy_script})
endif()

include(CPack)
