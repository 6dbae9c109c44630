/** Entry of the embed page (embed.html): the same app with minimal chrome. */
import { mountAtlas } from './ui/mount';
import './ui/atlas.css';

mountAtlas('embed');
