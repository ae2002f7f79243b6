# SPDX-License-Identifier: 0BSD
################################################################################
#
# nsbox
#
################################################################################

# The nsbox tree this external tree is part of: contrib/buildroot/../..
NSBOX_VERSION = 0.2.0
NSBOX_SITE = $(BR2_EXTERNAL_NSBOX_PATH)/../..
NSBOX_SITE_METHOD = local
NSBOX_LICENSE = 0BSD
NSBOX_LICENSE_FILES = LICENSE
# not nsbox's own build outputs
NSBOX_OVERRIDE_SRCDIR_RSYNC_EXCLUSIONS = --exclude /build

NSBOX_CONFIG_FILE = $(or $(call qstrip,$(BR2_PACKAGE_NSBOX_CONFIG)),$(@D)/configs/defconfig)
NSBOX_MAKE_OPTS = \
	O=$(@D)/build \
	CROSS_COMPILE="$(TARGET_CROSS)" \
	CC="$(TARGET_CC)" \
	CFLAGS="$(TARGET_CFLAGS)" \
	LDFLAGS="$(TARGET_LDFLAGS)" \
	STRIP="$(TARGET_STRIP)" \
	$(if $(BR2_PACKAGE_NSBOX_STATIC)$(BR2_STATIC_LIBS),,STATIC=0)

define NSBOX_CONFIGURE_CMDS
	mkdir -p $(@D)/build
	cp $(NSBOX_CONFIG_FILE) $(@D)/build/.config
	$(TARGET_MAKE_ENV) $(MAKE) -C $(@D) O=$(@D)/build olddefconfig
endef

define NSBOX_BUILD_CMDS
	$(TARGET_MAKE_ENV) $(MAKE) -C $(@D) $(NSBOX_MAKE_OPTS)
endef

define NSBOX_INSTALL_TARGET_CMDS
	$(TARGET_MAKE_ENV) $(MAKE) -C $(@D) $(NSBOX_MAKE_OPTS) DESTDIR=$(TARGET_DIR) \
		PREFIX=/usr SYMLINKS=1 MANPAGES=0 COMPLETION=0 \
		$(if $(BR2_PACKAGE_NSBOX_INIT),INSTALL_INIT=1) install
endef

$(eval $(generic-package))
